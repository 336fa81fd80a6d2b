import { ProblemError } from '../../common/errors/problem';
import { Fields, parseRecord, parseSiteUrl } from '../../provisioning/providers/leaf-input';
import { ProviderError } from '../../provisioning/providers/provider';
import type { DnsRecordRef, DnsRecordSpec } from '../dto/order-requests';

export interface NormalizedRecord {
  name: string;
  type: string;
  value: string;
  ttl: number;
  priority: number | null;
}

/**
 * DNS and URL syntax is checked (and normalized) by the same parser the platform uses, so an
 * order the API accepts is one the platform accepts, and "the same record" has one spelling.
 */
function asProblem<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ProviderError) {
      const field = String(e.details.field ?? '');
      const sub = field.startsWith('record.') ? field.slice('record.'.length) : '';
      const at = sub ? `${path}.${sub}` : path;
      const message = e.message.replace(/^[\w.]+: /, '');
      throw new ProblemError('VALIDATION_FAILED', `${at}: ${message}`, { errors: [{ path: at, message }] });
    }
    throw e;
  }
}

export function normalizeRecord(r: DnsRecordSpec, zone: string, path: string): NormalizedRecord {
  return asProblem(path, () =>
    parseRecord(
      new Fields(
        {
          name: r.name,
          type: r.type,
          value: r.value,
          ttl: r.ttl !== undefined ? String(r.ttl) : undefined,
          priority: r.priority !== undefined ? String(r.priority) : undefined,
        },
        'record',
      ),
      zone,
      true,
    ),
  );
}

export function normalizeRecordRef(r: DnsRecordRef, zone: string, path: string): Pick<NormalizedRecord, 'name' | 'type' | 'value'> {
  return asProblem(path, () => parseRecord(new Fields({ name: r.name, type: r.type, value: r.value }, 'record'), zone, false));
}

export function normalizeSiteUrl(url: string, path: string): string {
  return asProblem(path, () => parseSiteUrl(url, path));
}
