import { ConfigError, loadConfig } from './app-config';
import { parseDuration } from './duration';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.engines).toBe(2);
    expect(c.engineLeaseTtlMs).toBe(2000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.delegatedTokenTtlMs).toBe(3_600_000);
  });

  it('reads durations and booleans', () => {
    const c = loadConfig({ ENGINE_LEASE_TTL: '1500ms', TOKEN_DEFAULT_TTL: '30d', LAB_ENABLED: 'false' });
    expect(c.engineLeaseTtlMs).toBe(1500);
    expect(c.tokenDefaultTtlMs).toBe(30 * 86_400_000);
    expect(c.labEnabled).toBe(false);
  });

  it('lists every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', ENGINES: '-1', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x', ENGINE_LEASE_TTL: 'soon' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = error!.problems.map((p) => p.split('=')[0]).sort();
    expect(names).toEqual(['DATABASE_URL', 'ENGINES', 'ENGINE_LEASE_TTL', 'LOG_LEVEL', 'PORT']);
    expect(error!.message).toContain('PORT="eighty"');
  });

  it('parses durations strictly', () => {
    expect(parseDuration('2y')).toBe(2 * 365 * 86_400_000);
    expect(parseDuration('250')).toBe(250);
    expect(parseDuration('1 hour')).toBeUndefined();
    expect(parseDuration('-5s')).toBeUndefined();
  });
});
