import { ProviderError } from './provider';
import { Fields, parseDomain, parseRecord, parseSiteUrl } from './leaf-input';

function record(fields: Record<string, string>, zone = 'contoso.example', withDetails = true) {
  return parseRecord(Fields.of({ record: fields }, 'record'), zone, withDetails);
}

function invalid(fn: () => unknown): ProviderError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('leaf input parsing', () => {
  it('normalizes domain names and rejects look-alikes', () => {
    expect(parseDomain(' Contoso.Example. ', 'd')).toBe('contoso.example');
    expect(parseDomain('xn--80ak6aa92e.com', 'd')).toBe('xn--80ak6aa92e.com');
    for (const bad of ['contoso', 'аpple.com', '-bad.example', 'bad-.example', 'a..example', 'x.123', `${'a'.repeat(250)}.example`, 'under_score.example']) {
      expect(invalid(() => parseDomain(bad, 'organization.domain'))).toMatchObject({
        code: 'INVALID_INPUT',
        retryable: false,
        details: { field: 'organization.domain' },
      });
    }
  });

  it('normalizes records so the same record always has the same natural key', () => {
    expect(record({ name: 'WWW.contoso.example.', type: 'a', value: '192.0.2.1' })).toEqual({
      name: 'www',
      type: 'A',
      value: '192.0.2.1',
      ttl: 3600,
      priority: null,
    });
    expect(record({ name: 'contoso.example', type: 'MX', value: 'Mail.Contoso.Example.' })).toMatchObject({
      name: '@',
      value: 'mail.contoso.example',
      priority: 10,
    });
    expect(record({ name: '@', type: 'MX', value: '20 mail.contoso.example' })).toMatchObject({ value: 'mail.contoso.example', priority: 20 });
    expect(record({ name: '_sipfederationtls._tcp', type: 'SRV', value: '10 1 5061 sipfed.contoso.example' })).toMatchObject({
      value: '1 5061 sipfed.contoso.example',
      priority: 10,
    });
    expect(record({ name: '_sip._tls', type: 'SRV', value: '1 443 sip.contoso.example', priority: '5' })).toMatchObject({
      value: '1 443 sip.contoso.example',
      priority: 5,
    });
    expect(record({ name: 'v6', type: 'AAAA', value: '2001:0DB8::0:1' })).toMatchObject({ value: '2001:db8::1' });
    expect(record({ name: '*.dev', type: 'CNAME', value: 'dev.lab.example' })).toMatchObject({ name: '*.dev' });
    expect(record({ name: '@', type: 'TXT', value: 'v=spf1 include:lab.example -all', ttl: '300' })).toMatchObject({
      ttl: 300,
      value: 'v=spf1 include:lab.example -all',
    });
    // RemoveRecord identifies a record without its details.
    expect(record({ name: 'www', type: 'A', value: '192.0.2.1', ttl: 'junk' }, 'contoso.example', false)).toMatchObject({ name: 'www', ttl: 0 });
  });

  it.each([
    [{ name: 'www', type: 'A', value: '192.0.2.256' }, 'record.value'],
    [{ name: 'www', type: 'MX', value: 'x mail.contoso.example' }, 'record.value'],
    [{ name: '@', type: 'SRV', value: '10 1 5061 sip.contoso.example', priority: '3' }, 'record.priority'],
    [{ name: 'a.*', type: 'A', value: '192.0.2.1' }, 'record.name'],
    [{ name: 'www', type: 'TXT', value: 'line\nbreak' }, 'record.value'],
    [{ name: 'www', type: 'SRV', value: '1 0 sip.contoso.example' }, 'record.value'],
  ])('rejects the record %j', (fields, field) => {
    expect(invalid(() => record(fields)).details).toEqual({ field });
  });

  it('normalizes site URLs (case-insensitive, no trailing slash) and rejects unsafe ones', () => {
    expect(parseSiteUrl('https://Sites.Lab.Example/Teams/Sales/')).toBe('https://sites.lab.example/teams/sales');
    for (const bad of [
      'javascript:alert(1)',
      'https://sites.lab.example/a?b=1',
      'https://sites.lab.example/a#x',
      'https://10.0.0.1/a',
      'https://sites.lab.example/a//b',
      '/relative',
      // Rewritten by the URL parser if not refused first: traversal, encoded separators, look-alike hosts.
      'https://sites.lab.example/sites/../../admin',
      'https://sites.lab.example/sites/./a',
      'https://sites.lab.example/sites/..',
      'https://sites.lab.example/sites/%2e%2e%2fadmin',
      'https://sites.lab.example/sites/a%2Fb',
      'https://sites.lab.example\\sites\\a',
      'https://sites.lab.ex\u0430mple/sites/a',
      'https://sites.lab.example/sites/caf\u00e9',
    ]) {
      expect(invalid(() => parseSiteUrl(bad)).code).toBe('INVALID_INPUT');
    }
  });

  it('reads booleans, integers and texts the way XML carries them', () => {
    const f = Fields.of({ user: { on: 'Yes', off: '0', n: ' 42 ', name: '  Ann  ', ctl: 'a\u202eb' } }, 'user');
    expect([f.bool('on'), f.bool('off'), f.bool('missing'), f.int('n', 0, 100), f.text('name')]).toEqual([true, false, undefined, 42, 'Ann']);
    expect(invalid(() => f.int('n', 0, 10)).message).toMatch(/between 0 and 10/);
    expect(invalid(() => f.text('ctl')).message).toMatch(/printable/);
    expect(invalid(() => Fields.of({ user: [{}, {}] }, 'user')).message).toMatch(/exactly one/);
    expect(invalid(() => Fields.of({ user: 'text' }, 'user')).message).toMatch(/element/);
  });
});
