let counter = 0;

/** A name no other call in this test process returns (and, with the time in it, no earlier run either): `prefix` + time + counter. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;
}
