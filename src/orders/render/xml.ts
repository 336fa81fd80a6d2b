/** A tiny element tree for the data documents orders render; every value is escaped. */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  children?: XmlElement[];
}

export function el(name: string, attrs?: XmlElement['attrs'], children?: XmlElement[]): XmlElement {
  return { name, attrs, children };
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function renderXml(e: XmlElement, indent = ''): string {
  const attrs = Object.entries(e.attrs ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (!e.children?.length) return `${indent}<${e.name}${attrs}/>`;
  return `${indent}<${e.name}${attrs}>\n${e.children.map((c) => renderXml(c, indent + '  ')).join('\n')}\n${indent}</${e.name}>`;
}

/** A simple request (`<call>` of one public procedure) with its data. */
export function renderSimpleRequest(call: { namespace: string; procedure: string }, data: XmlElement[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<request xmlns="urn:provisio:request:1" onFailure="rollback">',
    renderXml(el('data', undefined, data), '  '),
    `  <call namespace="${escapeXml(call.namespace)}" procedure="${escapeXml(call.procedure)}"/>`,
    '</request>',
    '',
  ].join('\n');
}
