/** Run statuses (ARCHITECTURE.md §5) and the sets the engine and the operator API reason with. */
export const RUN_STATUSES = ['queued', 'running', 'compensating', 'completed', 'failed', 'needs_attention', 'parked', 'cancelled', 'resolved'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses an engine may claim (when no live lease holds the run). */
export const RUNNABLE_STATUSES: readonly RunStatus[] = ['queued', 'running', 'compensating'];

/**
 * Statuses that end the engine's work on a run; hooks registered with `RunHookRegistry.onTerminal` see
 * each of them. `needs_attention` is terminal for the engine although an operator may still act.
 */
export const TERMINAL_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'needs_attention', 'cancelled', 'resolved'];

/**
 * Statuses that hold a serialization key: a later run with the same key waits while an earlier
 * one is in any of these (parked and needs_attention block their key until an operator acts,
 * like Odin's named task queues).
 */
export const KEY_BLOCKING_STATUSES: readonly RunStatus[] = ['queued', 'running', 'compensating', 'parked', 'needs_attention'];

/** What each operator action accepts. */
export const RETRYABLE_STATUSES: readonly RunStatus[] = ['parked', 'needs_attention', 'failed'];
export const ROLLBACKABLE_STATUSES: readonly RunStatus[] = ['parked', 'needs_attention', 'failed'];
export const RESOLVABLE_STATUSES: readonly RunStatus[] = ['parked', 'needs_attention', 'failed'];

export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** `'a', 'b'` for SQL text built from the constants above (values are fixed identifiers, never input). */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
