import { excessOver, normalizeFeatures, orderServices, quotaItemsForUser, serviceIssues, throwIfIssues, userPlanSettings } from './plan-rules';
import { FEATURES, SERVICES } from './service-catalog';

describe('service catalog', () => {
  it('has every service but DNS depend (directly or not) on the directory', () => {
    const requires = new Map(SERVICES.map((s) => [s.key, s.requires]));
    const closure = (k: string): string[] => (requires.get(k as any) ?? []).flatMap((d) => [d, ...closure(d)]);
    for (const s of SERVICES) {
      if (s.key === 'dns' || s.key === 'directory') expect(closure(s.key)).toEqual([]);
      else expect(closure(s.key)).toContain('directory');
    }
  });

  it('defines every feature with a default that is itself valid', () => {
    for (const f of FEATURES) {
      const { issues } = normalizeFeatures(
        f.appliesTo[0],
        SERVICES.map((s) => s.key),
        { [f.key]: f.default },
      );
      expect({ key: f.key, issues }).toEqual({ key: f.key, issues: [] });
    }
  });
});

describe('plan rules', () => {
  it('requires the services a service depends on', () => {
    expect(serviceIssues(['directory', 'exchange', 'mobility'])).toEqual([]);
    expect(serviceIssues(['dns'])).toEqual([]);
    expect(serviceIssues(['mobility', 'exchange'])).toEqual([
      { code: 'PLAN_SERVICE_DEPENDENCY_MISSING', path: 'services.exchange', message: 'exchange requires directory' },
    ]);
    expect(serviceIssues(['directory', 'mobility']).map((i) => i.message)).toEqual(['mobility requires exchange']);
    expect(serviceIssues(['fax'])[0].code).toBe('PLAN_UNKNOWN_SERVICE');
    expect(orderServices(['dns', 'exchange', 'directory', 'dns'])).toEqual(['directory', 'exchange', 'dns']);
  });

  it('fills every feature of the included services from input, then the previous version, then defaults', () => {
    const { features, issues } = normalizeFeatures(
      'organization',
      ['directory', 'exchange'],
      { 'exchange.mailboxes': 25 },
      { 'exchange.mailbox_size_mb': 4096, 'dns.zones': 3 },
    );
    expect(issues).toEqual([]);
    expect(features).toEqual({ 'directory.users': null, 'exchange.mailboxes': 25, 'exchange.mailbox_size_mb': 4096, 'exchange.owa': true });
  });

  it('names every bad feature: unknown, wrong kind, service missing, wrong type, out of range', () => {
    const { issues } = normalizeFeatures('organization', ['directory', 'exchange'], {
      'exchange.fax': 1,
      'mobility.require_pin': true,
      'dns.zones': 1,
      'exchange.owa': 1,
      'exchange.mailboxes': 100_001,
      'exchange.mailbox_size_mb': null,
      'directory.users': 2.5,
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['PLAN_UNKNOWN_FEATURE', 'features.exchange.fax'],
      ['PLAN_UNKNOWN_FEATURE', 'features.mobility.require_pin'],
      ['PLAN_FEATURE_SERVICE_MISSING', 'features.dns.zones'],
      ['PLAN_FEATURE_OUT_OF_RANGE', 'features.exchange.owa'],
      ['PLAN_FEATURE_OUT_OF_RANGE', 'features.exchange.mailboxes'],
      ['PLAN_FEATURE_OUT_OF_RANGE', 'features.exchange.mailbox_size_mb'],
      ['PLAN_FEATURE_OUT_OF_RANGE', 'features.directory.users'],
    ]);
    expect(() => throwIfIssues(issues)).toThrow(
      expect.objectContaining({
        code: 'PLAN_UNKNOWN_FEATURE',
        status: 422,
        extra: expect.objectContaining({ errors: expect.arrayContaining([{ path: 'features.exchange.fax', message: 'unknown feature "exchange.fax"' }]) }),
      }),
    );
    expect(() => throwIfIssues([])).not.toThrow();
  });

  it('finds what a plan grants beyond a ceiling: services, booleans, numbers, unlimited', () => {
    const ceiling = {
      services: ['directory', 'exchange'] as any,
      features: { 'directory.users': null, 'exchange.mailboxes': 10, 'exchange.mailbox_size_mb': 2048, 'exchange.owa': false },
    };
    expect(
      excessOver(
        {
          services: ['directory', 'exchange'],
          features: { 'directory.users': 500, 'exchange.mailboxes': 10, 'exchange.mailbox_size_mb': 1024, 'exchange.owa': false },
        },
        ceiling,
      ),
    ).toEqual([]);
    expect(
      excessOver(
        {
          services: ['directory', 'exchange', 'dns'],
          features: { 'directory.users': null, 'exchange.mailboxes': null, 'exchange.mailbox_size_mb': 4096, 'exchange.owa': true, 'dns.zones': 1 },
        },
        ceiling,
      ),
    ).toEqual([
      { feature: 'services.dns', value: 'included', allowed: 'not included' },
      { feature: 'exchange.mailboxes', value: null, allowed: 10 },
      { feature: 'exchange.mailbox_size_mb', value: 4096, allowed: 2048 },
      { feature: 'exchange.owa', value: true, allowed: false },
    ]);
  });

  it('never compares policy settings such as requirePin', () => {
    const orgPlan = { services: ['directory', 'exchange', 'mobility'] as any, features: { 'mobility.activesync': true, 'mobility.devices_per_user': 3 } };
    const userPlan = {
      services: ['directory', 'exchange', 'mobility'] as any,
      features: { 'mobility.activesync': true, 'mobility.require_pin': false, 'mobility.devices_per_user': 4 },
    };
    expect(excessOver(userPlan, orgPlan)).toEqual([{ feature: 'mobility.devices_per_user', value: 4, allowed: 3 }]);
  });

  it('projects a user plan into settings and the quota one user consumes', () => {
    const exec = {
      services: ['directory', 'exchange', 'mobility', 'communications'] as any,
      features: {
        'exchange.mailbox_size_mb': 10240,
        'exchange.owa': true,
        'mobility.activesync': true,
        'mobility.require_pin': false,
        'mobility.devices_per_user': 5,
        'communications.im': true,
        'communications.presence': true,
        'communications.federation': true,
        'communications.conferencing': false,
      },
    };
    expect(userPlanSettings(exec)).toEqual({
      mailbox: { sizeMb: 10240, owa: true },
      activeSync: { requirePin: false, maxDevices: 5 },
      sip: { im: true, presence: true, federation: true, conferencing: false },
    });
    expect(quotaItemsForUser(exec)).toEqual([
      { feature: 'directory.users', amount: 1 },
      { feature: 'exchange.mailboxes', amount: 1 },
      { feature: 'communications.users', amount: 1 },
    ]);
    expect(userPlanSettings({ services: ['directory'], features: {} })).toEqual({ mailbox: null, activeSync: null, sip: null });
  });
});
