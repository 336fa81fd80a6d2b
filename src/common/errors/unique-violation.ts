/** Whether a database error is a unique violation (SQLSTATE 23505), of `index` when given. */
export function isUniqueViolation(e: unknown, index?: string): boolean {
  const err = e as { code?: string; driverError?: { code?: string; constraint?: string }; constraint?: string };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  return code === '23505' && (!index || constraint === index);
}
