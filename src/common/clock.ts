/** The one clock. Tests may move it; production reads the system time. */
export const clock = {
  offsetMs: 0,
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  },
  nowMs(): number {
    return Date.now() + this.offsetMs;
  },
};
