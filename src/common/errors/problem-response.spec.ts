import { ProblemError } from './problem';
import { renderProblem } from './problem-response';

describe('problem responses', () => {
  it('keeps the standard members when an error carries extras of the same name', () => {
    const r = renderProblem(new ProblemError('CONFLICT', 'The subscription is active', { status: 'active', code: 'X', type: 'evil', subscriptionId: 'sub_1' }), { requestId: 'r1', instance: '/v1/orders' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ status: 409, code: 'CONFLICT', type: 'https://provisio.dev/problems/conflict', requestId: 'r1', subscriptionId: 'sub_1' });
  });
});
