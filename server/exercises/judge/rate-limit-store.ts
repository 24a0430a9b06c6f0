import { JUDGE_RATE_LIMIT, takeToken, type BucketState, type TokenBucketConfig } from '@/lib/grading/rate-limit';

/** Whether a learner may submit now, and if not, when to try again. */
export interface RateLimitDecision {
  allowed: boolean;
  retryAfterMs: number;
}

export interface RateLimiter {
  take(key: string, now?: number): RateLimitDecision | Promise<RateLimitDecision>;
}

/** A limiter that answers at once. */
export interface SyncRateLimiter extends RateLimiter {
  take(key: string, now?: number): RateLimitDecision;
}

/**
 * Token buckets kept in this process's memory, for tests and scripts that run a judge without a
 * database. The site uses ./database-rate-limiter.ts: with several instances behind a balancer,
 * buckets in memory would each count separately (a learner would get N times the rate).
 * At most `maxKeys` buckets: past that, the least recently used goes (a full bucket is the same
 * as no bucket, so nothing is lost for learners who have been idle).
 */
export function createMemoryRateLimiter(config: TokenBucketConfig = JUDGE_RATE_LIMIT, maxKeys = 10_000): SyncRateLimiter {
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
