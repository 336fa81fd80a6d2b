/** The minimal jobs table of the raw-loop baseline, and its three statements. */
export const RAW_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS bench_raw_jobs (
  id           bigserial PRIMARY KEY,
  state        text NOT NULL DEFAULT 'queued',
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  worker       text,
  claimed_at   timestamptz,
  started_at   timestamptz,
  finished_at  timestamptz
);
CREATE INDEX IF NOT EXISTS bench_raw_jobs_queued_idx ON bench_raw_jobs (id) WHERE state = 'queued';`;

export const RAW_CLAIM_SQL = `
UPDATE bench_raw_jobs SET state = 'claimed', worker = $1, claimed_at = now()
 WHERE id = (SELECT id FROM bench_raw_jobs WHERE state = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id`;

export const RAW_START_SQL = `UPDATE bench_raw_jobs SET state = 'running', started_at = now() WHERE id = $1`;

export const RAW_COMPLETE_SQL = `UPDATE bench_raw_jobs SET state = 'done', finished_at = now() WHERE id = $1`;
