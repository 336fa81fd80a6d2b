export interface WindowState {
  allowed: boolean;
  /** Requests left in this window after this one. */
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/** Keys kept before expired windows are swept (bounds memory under a flood of distinct keys). */
const SWEEP_ABOVE = 10_000;

/**
 * A fixed-window counter per key, in memory. Fixed windows let a client burst up to twice the
 * quota across a window edge; that is acceptable for abuse protection and keeps each check O(1).
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    readonly name: string,
    readonly quota: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): WindowState {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (!w && this.windows.size >= SWEEP_ABOVE && now - this.lastSweep > 1000) this.sweep(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    const allowed = w.count < this.quota;
    if (allowed) w.count += 1;
    return { allowed, remaining: Math.max(0, this.quota - w.count), resetMs: w.resetAt - now };
  }

  /** Gives back one request charged to `key` in its current window. */
  refund(key: string): void {
    const w = this.windows.get(key);
    if (w && w.count > 0 && w.resetAt > this.now()) w.count -= 1;
  }

  /** Was `key` charged in its current window? */
  has(key: string): boolean {
    const w = this.windows.get(key);
    return !!w && w.resetAt > this.now() && w.count > 0;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
