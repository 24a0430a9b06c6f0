/**
 * A token bucket: `capacity` submissions at once, refilled at `refillPerSecond`. Pure: the caller
 * keeps the state and passes the time (server/exercises/judge/database-rate-limiter.ts runs the same
 * arithmetic in SQL, so every instance shares the buckets).
 */
export interface TokenBucketConfig {
  capacity: number;
  refillPerSecond: number;
}

export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface RateDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise how long until one token is back. */
  retryAfterMs: number;
  state: BucketState;
}

/** Judge submissions: a burst of 5, then one every 3 seconds (20 a minute) per learner. */
export const JUDGE_RATE_LIMIT: Readonly<TokenBucketConfig> = { capacity: 5, refillPerSecond: 1 / 3 };

/**
 * Judge submissions per client address, whoever the learner: a burst of 20, then one every 2
 * seconds (30 a minute). Looser than a learner's, since a classroom may share one address; it is
 * what stops a client that sends no cookie (a new learner every time).
 */
export const ADDRESS_RATE_LIMIT: Readonly<TokenBucketConfig> = { capacity: 20, refillPerSecond: 1 / 2 };

/** The bucket as of `now`, refilled for the time since it was last touched (never above capacity). */
export function refill(state: BucketState | undefined, now: number, config: TokenBucketConfig): BucketState {
  if (!state) return { tokens: config.capacity, updatedAt: now };
  const elapsed = Math.max(0, now - state.updatedAt) / 1000;
  return { tokens: Math.min(config.capacity, state.tokens + elapsed * config.refillPerSecond), updatedAt: Math.max(now, state.updatedAt) };
}

/** Takes one token if there is one. A refused request costs nothing, so retrying early does not push the wait further out. */
export function takeToken(state: BucketState | undefined, now: number, config: TokenBucketConfig): RateDecision {
  const current = refill(state, now, config);
  if (current.tokens >= 1) return { allowed: true, retryAfterMs: 0, state: { ...current, tokens: current.tokens - 1 } };
  return { allowed: false, retryAfterMs: Math.ceil(((1 - current.tokens) / config.refillPerSecond) * 1000), state: current };
}
