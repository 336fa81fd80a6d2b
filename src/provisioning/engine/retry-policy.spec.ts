import { backoffMs, retryPolicyOf } from './retry-policy';

describe('retry policy', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 1000 };

  it('doubles the delay per failed attempt, capped, with ±25% jitter', () => {
    expect(backoffMs(1, policy, () => 0.5)).toBe(200);
    expect(backoffMs(2, policy, () => 0.5)).toBe(400);
    expect(backoffMs(3, policy, () => 0.5)).toBe(800);
    expect(backoffMs(4, policy, () => 0.5)).toBe(1000);
    expect(backoffMs(1, policy, () => 0)).toBe(150);
    expect(backoffMs(1, policy, () => 0.999999)).toBe(250);
    // The jitter never goes past the cap.
    expect(backoffMs(9, policy, () => 0.999999)).toBe(1000);
  });

  it('lets the execute element override the number of attempts, not the delays', () => {
    expect(retryPolicyOf({ retries: 0 }, { retry: policy })).toEqual({ ...policy, maxAttempts: 1 });
    expect(retryPolicyOf({ retries: 7 }, { retry: policy })).toEqual({ ...policy, maxAttempts: 8 });
    expect(retryPolicyOf({}, { retry: policy })).toBe(policy);
  });

  it('does not retry a call no provider implements', () => {
    expect(retryPolicyOf({}, undefined).maxAttempts).toBe(1);
  });
});
