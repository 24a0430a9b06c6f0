import { describe, expect, it } from 'vitest';
import { takeToken, type BucketState } from '@/lib/grading/rate-limit';
import { createMemoryRateLimiter } from '@/server/exercises/judge/rate-limit-store';

const config = { capacity: 3, refillPerSecond: 1 };

describe('token bucket', () => {
  it('allows a burst of `capacity`, then refuses until a token comes back', () => {
    let state: BucketState | undefined;
    const allowed: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const decision = takeToken(state, 0, config);
      allowed.push(decision.allowed);
      state = decision.state;
    }
    expect(allowed).toEqual([true, true, true, false]);
    expect(takeToken(state, 0, config).retryAfterMs).toBe(1000);
    expect(takeToken(state, 1000, config).allowed).toBe(true);
  });

  it('never holds more than its capacity, however long it sat idle', () => {
    const idle = takeToken(undefined, 0, config).state;
    expect(takeToken(idle, 1_000_000, config).state.tokens).toBe(2);
  });

  it('does not push the wait further out when refused requests keep coming', () => {
    const empty: BucketState = { tokens: 0, updatedAt: 0 };
    const refused = takeToken(empty, 500, config);
    expect(refused.allowed).toBe(false);
    expect(takeToken(refused.state, 1000, config).allowed).toBe(true);
  });
});

describe('the in-memory rate limiter', () => {
  it('keeps one bucket per learner', () => {
    const limiter = createMemoryRateLimiter(config);
    for (let i = 0; i < 3; i++) limiter.take('ann', 0);
    expect(limiter.take('ann', 0).allowed).toBe(false);
    expect(limiter.take('bob', 0).allowed).toBe(true);
  });

  it('forgets the least recently used learners past its size', () => {
    const limiter = createMemoryRateLimiter(config, 2);
    for (let i = 0; i < 3; i++) limiter.take('ann', 0);
    limiter.take('bob', 0);
    limiter.take('cy', 0);
    expect(limiter.take('ann', 0).allowed).toBe(true);
  });
});
