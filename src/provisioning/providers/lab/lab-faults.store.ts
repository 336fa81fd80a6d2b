import type { Pool } from 'pg';
import type { Sql } from '../../../database/sql';
import type { FaultEffect, FaultPhase, LabFaultConfig, LabFaultConfigView } from './lab-faults';

/** The fault configuration in lab.fault_settings (one row) and lab.fault_rules (see lab-faults.ts). */

interface SettingsRow {
  latency_ms: number;
  jitter_ms: number;
  /** numeric: pg returns it as text. */
  transient_rate: string;
  permanent_rate: string;
  updated_at: Date;
}

interface RuleRow {
  id: string;
  procedure: string;
  phase: FaultPhase;
  effect: FaultEffect;
  times: number;
  remaining: number;
  organization_id: string | null;
  created_at: Date;
}

export async function readLabFaults(sql: Sql): Promise<LabFaultConfigView> {
  const s = await sql.query<SettingsRow>(`SELECT latency_ms, jitter_ms, transient_rate, permanent_rate, updated_at FROM lab.fault_settings WHERE id = 1`);
  const r = await sql.query<RuleRow>(`SELECT id, procedure, phase, effect, times, remaining, organization_id, created_at FROM lab.fault_rules ORDER BY id`);
  const settings = s.rows[0];
  return {
    latencyMs: settings.latency_ms,
    jitterMs: settings.jitter_ms,
    transientErrorRate: Number(settings.transient_rate),
    permanentErrorRate: Number(settings.permanent_rate),
    updatedAt: settings.updated_at.toISOString(),
    rules: r.rows.map((x) => ({
      id: String(x.id),
      procedure: x.procedure,
      phase: x.phase,
      effect: x.effect,
      times: x.times,
      remaining: x.remaining,
      organizationId: x.organization_id,
      createdAt: x.created_at.toISOString(),
    })),
  };
}

/** Replaces the whole fault configuration (in the caller's transaction). */
export async function replaceLabFaults(sql: Sql, config: LabFaultConfig): Promise<void> {
  // The version bump is what makes every process's cached configuration stale (see above).
  await sql.query(
    `UPDATE lab.fault_settings SET latency_ms = $1, jitter_ms = $2, transient_rate = $3, permanent_rate = $4, version = version + 1, updated_at = now() WHERE id = 1`,
    [config.latencyMs, config.jitterMs, config.transientErrorRate, config.permanentErrorRate],
  );
  await sql.query(`DELETE FROM lab.fault_rules`);
  if (config.rules.length) {
    await sql.query(
      `INSERT INTO lab.fault_rules (procedure, phase, effect, times, remaining, organization_id)
       SELECT r.procedure, r.phase, r.effect, r.times, r.times, r.organization_id
         FROM jsonb_to_recordset($1::jsonb) AS r(procedure text, phase text, effect text, times integer, organization_id text)`,
      [
        JSON.stringify(
          config.rules.map((r) => ({
            procedure: r.procedure,
            phase: r.phase ?? 'execute',
            effect: r.effect,
            times: r.times,
            organization_id: r.organizationId ?? null,
          })),
        ),
      ],
    );
  }
}

/** No latency, no errors, no rules: the lab behaves. */
export async function resetLabFaults(sql: Sql): Promise<void> {
  await replaceLabFaults(sql, { latencyMs: 0, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0, rules: [] });
}

/** Serializes replacements of the configuration (in the caller's transaction). */
export async function lockLabFaults(sql: Sql): Promise<void> {
  await sql.query(`SELECT 1 FROM lab.fault_settings WHERE id = 1 FOR UPDATE`);
}

const PROBE = `
  WITH hit AS (
    UPDATE lab.fault_rules r SET remaining = r.remaining - 1
      FROM (SELECT id FROM lab.fault_rules
             WHERE procedure = $1 AND phase = $2 AND remaining > 0
               AND (organization_id IS NULL OR organization_id = $3)
             ORDER BY id LIMIT 1
             FOR UPDATE) pick
     WHERE r.id = pick.id AND r.remaining > 0
    RETURNING r.id, r.effect)
  SELECT s.version::text AS version, s.latency_ms, s.jitter_ms, s.transient_rate, s.permanent_rate, hit.id AS rule_id, hit.effect,
         ARRAY(SELECT DISTINCT procedure || ' ' || phase FROM lab.fault_rules WHERE remaining > 0) AS rule_keys
    FROM lab.fault_settings s LEFT JOIN hit ON true
   WHERE s.id = 1`;

/** What the probe returns: the configuration with its version, and the rule it consumed, if any. */
export interface FaultProbeRow {
  version: string;
  latency_ms: number;
  jitter_ms: number;
  transient_rate: string;
  permanent_rate: string;
  rule_id: string | null;
  effect: FaultEffect | null;
  rule_keys: string[] | null;
}

/** The probe (one statement): consumes a matching rule atomically and reads the configuration. */
export async function probeFaults(pool: Pool, procedure: string, phase: FaultPhase, organizationId: string | null): Promise<FaultProbeRow | undefined> {
  const r = await pool.query<FaultProbeRow>({ name: 'lab_fault_probe_v2', text: PROBE, values: [procedure, phase, organizationId] });
  return r.rows[0];
}
