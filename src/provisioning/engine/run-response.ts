import type { RunError } from './run-row';

/** XML attribute/text escaping for values we write into responses. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function dataElement(data: string | null | undefined): string {
  const d = (data ?? '').trim();
  if (!d) return '<data/>';
  return /^<data[\s/>]/.test(d) ? d : `<data>${d}</data>`;
}

/**
 * The request's response document (LANGUAGE.md §4): the run's final `data` and, unless it
 * completed, the errorContext of the failure (`phase` rollback when a compensation got stuck).
 */
export function renderResponse(status: string, data: string | null | undefined, error?: RunError | null): string {
  const parts = [`<response xmlns="urn:provisio:request:1" status="${escapeXml(status)}">`, dataElement(data)];
  if (error) {
    const src = [
      error.namespace !== undefined ? ` namespace="${escapeXml(error.namespace)}"` : '',
      error.procedure !== undefined ? ` procedure="${escapeXml(error.procedure)}"` : '',
      error.path !== undefined ? ` step="${escapeXml(error.path)}"` : '',
      error.phase === 'rollback' ? ` phase="rollback"` : '',
    ].join('');
    parts.push(
      `<errorContext code="${escapeXml(error.code)}" retryable="${error.retryable ? 'true' : 'false'}">`,
      `<errorSource${src}/>`,
      `<description>${escapeXml(error.message)}</description>`,
      `</errorContext>`,
    );
  }
  parts.push('</response>');
  return parts.join('');
}
