import { ProblemError } from './problem';
import { renderProblem } from './problem-response';

describe('problem responses', () => {
  it('keeps the standard members when an error carries extras of the same name', () => {
    const r = renderProblem(
      new ProblemError('CONFLICT', 'The subscription is active', { status: 'active', code: 'X', type: 'evil', subscriptionId: 'sub_1' }),
      { requestId: 'r1', instance: '/v1/orders' },
    );
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ status: 409, code: 'CONFLICT', type: 'https://provisio.dev/problems/conflict', requestId: 'r1', subscriptionId: 'sub_1' });
  });

  it('answers a database constraint the service did not check as a 4xx, never a 500', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { driverError: { code: '23505', constraint: 'x' } });
    expect(renderProblem(unique, {}).body).toMatchObject({ status: 409, code: 'CONFLICT' });
    const cast = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
    const r = renderProblem(cast, {});
    expect(r.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(r.body)).not.toContain('uuid');
  });

  it('answers a database that is restarting with 503 and Retry-After', () => {
    const r = renderProblem(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), {});
    expect(r.status).toBe(503);
    expect(r.headers['Retry-After']).toBe('1');
  });

  it('hides unexpected errors behind an errorId', () => {
    const r = renderProblem(new TypeError("Cannot read properties of undefined (reading 'x')"), {});
    expect(r.status).toBe(500);
    expect(r.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(r.body)).not.toContain('Cannot read');
  });
});
