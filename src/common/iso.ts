/** A timestamp as the API shows it (ISO 8601, UTC, milliseconds); null stays null. */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null | undefined): string | null;
export function iso(d: Date | string | null | undefined): string | null {
  return d === null || d === undefined || d === '' ? null : new Date(d).toISOString();
}
