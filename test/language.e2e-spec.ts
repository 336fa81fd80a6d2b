import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaPath } from '../src/provisioning/language/schemas';
import { DOCUMENTS_DIR } from '../src/provisioning/namespaces/namespace-registry';
import { startTestApp, type TestApp } from './helpers/app';
import { buildWorld, type World } from './helpers/identity';
import { simpleRequest } from './helpers/language';

/** The namespace and schema routes, and hostile request documents through the request route. */
describe('namespaces, schemas and hostile request documents over HTTP', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  function expectProblem(res: { status: number; headers: any; body: any }, status: number, code: string) {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
  }

  describe('GET /v1/schemas/{name}.xsd', () => {
    it.each(['request', 'namespace'] as const)('serves %s.xsd to anyone as application/xml', async (name) => {
      const res = await t.get(`/v1/schemas/${name}.xsd`);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^application\/xml/);
      expect(res.text).toBe(fs.readFileSync(schemaPath(name), 'utf8'));
    });

    it.each(['orders.xsd', 'request', 'request.xml', '..%2F..%2Fpackage.json'])('answers %s with 404 SCHEMA_NOT_FOUND', async (file) => {
      expectProblem(await t.get(`/v1/schemas/${file}`), 404, 'SCHEMA_NOT_FOUND');
    });
  });

  describe('GET /v1/namespaces', () => {
    it('lists leaf and composite namespaces with their procedures', async () => {
      const res = await t.get('/v1/namespaces', { token: w.hoster.admin.token });
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const byName = Object.fromEntries(res.body.items.map((n: any) => [n.name, n]));
      expect(Object.keys(byName).sort()).toEqual([
        'Communications',
        'DNS',
        'Directory',
        'Exchange',
        'Hosted DNS',
        'Hosted Organization',
        'Hosted Sites',
        'Hosted User',
        'Mobility',
        'Plans',
        'SharePoint',
      ]);
      expect(byName['Hosted Organization']).toMatchObject({ kind: 'composite', version: '1' });
      expect(byName['Hosted Organization'].procedures.find((p: any) => p.name === 'Subscribe')).toMatchObject({
        access: 'public',
        kind: 'composite',
        input: { order: ['id'], 'users/user?': expect.arrayContaining(['alias']) },
      });
      expect(byName.Exchange.procedures.find((p: any) => p.name === 'GetMailbox')).toMatchObject({
        access: 'trusted',
        kind: 'read',
        input: { organization: ['id'], user: ['alias'] },
      });
    });

    it('needs a token with namespaces.read', async () => {
      expectProblem(await t.get('/v1/namespaces'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.get('/v1/namespaces', { token: w.c1.admin.token }), 403, 'FORBIDDEN');
      expect((await t.get('/v1/namespaces', { token: w.r1.admin.token })).status).toBe(200);
      expect((await t.get('/v1/namespaces', { token: w.hoster.csr.token })).status).toBe(200);
    });

    it('returns a composite namespace as its XML document', async () => {
      const res = await t.get(`/v1/namespaces/${encodeURIComponent('Hosted User')}`, { token: w.hoster.admin.token });
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^application\/xml/);
      expect(res.text).toBe(fs.readFileSync(path.join(DOCUMENTS_DIR, 'hosted-user.xml'), 'utf8'));
    });

    it('returns a leaf namespace as JSON', async () => {
      const res = await t.get('/v1/namespaces/DNS', { token: w.hoster.admin.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'DNS', kind: 'leaf' });
      expect(res.body.procedures.map((p: any) => p.name)).toEqual(expect.arrayContaining(['CreateZone', 'PublishZone', 'AddRecord']));
    });

    it('answers an unknown namespace with 404 NAMESPACE_NOT_FOUND', async () => {
      expectProblem(await t.get('/v1/namespaces/Hosted%20Nothing', { token: w.hoster.admin.token }), 404, 'NAMESPACE_NOT_FOUND');
      expectProblem(await t.get('/v1/namespaces/Nothing', { token: w.c1.admin.token }), 403, 'FORBIDDEN');
    });
  });

  describe('POST /v1/provisioning/requests with hostile documents', () => {
    const counts = async () => {
      const r = await t.pool.query(`SELECT (SELECT count(*) FROM provisioning_runs)::int AS runs, (SELECT count(*) FROM provisioning_steps)::int AS steps,
                                           (SELECT count(*) FROM audit_events WHERE action <> 'auth.denied')::int AS events`);
      return r.rows[0];
    };
    const post = (xml: string) => t.request('POST', '/v1/provisioning/requests', { raw: xml, contentType: 'application/xml', token: w.hoster.admin.token });

    const users = (n: number) => Array.from({ length: n }, (_, i) => `<user alias="u${i}" displayName="User ${i}" mailboxSizeMb="1"/>`).join('');
    const CASES: [string, () => string, number, string][] = [
      [
        'a billion laughs',
        () =>
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><request xmlns="urn:provisio:request:1"><data>&lol9;</data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
        400,
        'XML_FORBIDDEN_CONSTRUCT',
      ],
      [
        'an XXE',
        () =>
          `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><request xmlns="urn:provisio:request:1"><data><x>&xxe;</x></data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
        400,
        'XML_FORBIDDEN_CONSTRUCT',
      ],
      [
        'a DOCTYPE',
        () => `<!DOCTYPE request><request xmlns="urn:provisio:request:1"><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
        400,
        'XML_FORBIDDEN_CONSTRUCT',
      ],
      [
        'a processing instruction',
        () => `<request xmlns="urn:provisio:request:1"><?run rm -rf?><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
        400,
        'XML_FORBIDDEN_CONSTRUCT',
      ],
      [
        'a 100-deep document',
        () =>
          `<request xmlns="urn:provisio:request:1"><data>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
        422,
        'XML_TOO_DEEP',
      ],
      [
        'a request expanding to more than 10,000 steps',
        () => simpleRequest('Hosted User', 'AddUsers', `<order id="ord_x"/><organization id="org_x" domain="x.example"/><users>${users(2600)}</users>`),
        422,
        'REQUEST_TOO_MANY_STEPS',
      ],
      ['a schema violation', () => `<request xmlns="urn:provisio:request:1"><call namespace="Hosted DNS"/></request>`, 422, 'XML_SCHEMA_VIOLATION'],
      ['malformed XML', () => `<request xmlns="urn:provisio:request:1"><call></request>`, 400, 'XML_MALFORMED'],
    ];

    it.each(CASES)('answers %s with a specific 4xx problem and stores nothing', async (_what, xml, status, code) => {
      const before = await counts();
      expectProblem(await post(xml()), status, code);
      expect(await counts()).toEqual(before);
    });

    it('answers a 2 MiB document with 413 and stores nothing', async () => {
      const before = await counts();
      const res = await post(
        `<request xmlns="urn:provisio:request:1"><data>${'<x/>'.repeat(512 * 1024)}</data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`,
      );
      expect(res.status).toBe(413);
      // The HTTP body limit (1 MiB) answers before the language's own XML_TOO_LARGE can.
      expect(['PAYLOAD_TOO_LARGE', 'XML_TOO_LARGE']).toContain(res.body.code);
      expect(await counts()).toEqual(before);
    });

    it('accepts the same kind of request within the limits', async () => {
      const before = await counts();
      const res = await post(
        simpleRequest('Hosted User', 'AddUsers', `<order id="ord_x"/><organization id="org_x" domain="x.example"/><users>${users(3)}</users>`),
      );
      expect(res.status).toBe(202);
      expect((await counts()).runs).toBe(before.runs + 1);
    });
  });
});
