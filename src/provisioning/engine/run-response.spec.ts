import { renderResponse } from './run-response';

describe('response document', () => {
  it('wraps the final data of a completed run', () => {
    expect(renderResponse('completed', '<data><organization id="o1"/></data>')).toBe(
      '<response xmlns="urn:provisio:request:1" status="completed"><data><organization id="o1"/></data></response>',
    );
    expect(renderResponse('completed', '')).toBe('<response xmlns="urn:provisio:request:1" status="completed"><data/></response>');
  });

  it('adds the errorContext of a failure, escaped', () => {
    const xml = renderResponse('failed', '<data/>', {
      code: 'LAB_CONFLICT',
      message: 'the name "a<b>" & more',
      retryable: false,
      phase: 'execute',
      namespace: 'Exchange',
      procedure: 'CreateMailbox',
      path: '4/u[ann]/Exchange.CreateMailbox',
    });
    expect(xml).toBe(
      '<response xmlns="urn:provisio:request:1" status="failed"><data/>' +
        '<errorContext code="LAB_CONFLICT" retryable="false"><errorSource namespace="Exchange" procedure="CreateMailbox" step="4/u[ann]/Exchange.CreateMailbox"/>' +
        '<description>the name &quot;a&lt;b&gt;&quot; &amp; more</description></errorContext></response>',
    );
  });

  it('says when the failure is a rollback that got stuck', () => {
    expect(renderResponse('needs_attention', '<data/>', { code: 'X', message: 'm', retryable: true, phase: 'rollback' })).toContain(
      '<errorSource phase="rollback"/>',
    );
  });
});
