import { JUDGE_RATE_LIMIT, takeToken, type BucketState, type TokenBucketConfig } from '@/lib/grading/rate-limit';

/** Whether a learner may submit now, and if not, when to try again. */
export interface RateLimitDecision {
  allowed: boolean;
  retryAfterMs: number;
}

export interface RateLimiter {
  take(key: string, now?: number): RateLimitDecision;
}

/**
 * Token buckets kept in this process's memory, one per learner. Enough for one app server; with
 * several instances behind a balancer each would count separately (a learner gets N times the
 * rate), so a shared store (the database, Redis) should replace this when the site scales out.
 * At most `maxKeys` buckets: past that, the least recently used goes (a full bucket is the same
 * as no bucket, so nothing is lost for learners who have been idle).
 */
export function createMemoryRateLimiter(config: TokenBucketConfig = JUDGE_RATE_LIMIT, maxKeys = 10_000): RateLimiter {
  const buckets = new Map<string, BucketState>();
  return {
    take(key, now = Date.now()) {
      const decision = takeToken(buckets.get(key), now, config);
      buckets.delete(key);
      buckets.set(key, decision.state);
      while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      return { allowed: decision.allowed, retryAfterMs: decision.retryAfterMs };
    },
  };
}
