import type { Random } from '@/lib/random/seeded';

/** Envoy's default retry back-off base (router filter, `x-envoy-max-retries` docs): 25 ms; its default cap is 10 × the base. */
export const ENVOY_BACKOFF_BASE_MS = 25;

/**
 * Envoy's JitteredBackOffStrategy (source/common/common/backoff_strategy.cc,
 * https://github.com/envoyproxy/envoy/blob/main/source/common/common/backoff_strategy.cc): retry n
 * (from 1) waits uniformly in [0, (2^n − 1) × base) and never more than `maxMs` (default 10 × base,
 * config.core.v3.BackoffStrategy). The range stops doubling once it has passed the cap.
 */
export function envoyBackoffMs(retry: number, random: Random, baseMs = ENVOY_BACKOFF_BASE_MS, maxMs = 10 * baseMs): number {
  let multiplier = 1;
  // Envoy advances its retry counter only while (2^n − 1) × base is within the cap.
  for (let n = 1; n < retry && multiplier * baseMs <= maxMs; n++) multiplier = 2 * multiplier + 1;
  return Math.min(Math.floor(random() * multiplier * baseMs), maxMs);
}

/**
 * "Full jitter" for a client's own retries (AWS Architecture Blog, "Exponential Backoff And Jitter",
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/): attempt n (from 1)
 * waits uniformly in [0, min(cap, base × 2^n)), which spreads a crowd of retries instead of
 * synchronising them.
 */
export function fullJitterBackoffMs(attempt: number, random: Random, baseMs: number, capMs: number): number {
  return random() * Math.min(capMs, baseMs * 2 ** attempt);
}
