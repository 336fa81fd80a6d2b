/** A timestamp as the API shows it (ISO 8601, UTC, milliseconds); a missing one stays null. */
export function iso(d: Date | string): string;
export function iso(d: unknown): string | null;
export function iso(d: unknown): string | null {
  return d === null || d === undefined || d === '' ? null : new Date(d as string | Date).toISOString();
}
