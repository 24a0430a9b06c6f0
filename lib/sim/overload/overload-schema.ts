import { z } from 'zod';
import { choice, number, strictObject } from '../schema-kit';
import { ENVOY_RETRY_ON, NGINX_NEXT_UPSTREAM } from './retry-policy';

const positive = number({ above: 0 });

/**
 * The balancer's own retries of one client request. `nginx`: `proxy_next_upstream` conditions and
 * `proxy_next_upstream_tries` (0 = no limit), each retry at once to a server not yet tried.
 * `envoy`: `retry_on`, `num_retries`, and a jittered exponential back-off (base 25 ms, cap 10 × base).
 */
export const balancerRetrySchema = z.discriminatedUnion(
  'style',
  [
    strictObject({
      style: z.literal('nginx'),
      on: z.array(choice(NGINX_NEXT_UPSTREAM)),
      tries: number({ integer: true, min: 0, max: 20 }),
    }),
    strictObject({
      style: z.literal('envoy'),
      retryOn: z.array(choice(ENVOY_RETRY_ON)),
      numRetries: number({ integer: true, min: 0, max: 20 }),
      backoffBaseMs: positive.optional(),
      backoffMaxMs: positive.optional(),
    }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must be one of nginx, envoy' : 'must be an object') },
);

/**
 * Failure under load. Every field is optional and off when absent; with the whole section absent
 * the simulator runs exactly as before.
 */
export const overloadSpecSchema = strictObject({
  /** A try the balancer gives up on after this long (Envoy `per_try_timeout`, nginx `proxy_read_timeout`); the server is not told and finishes the work. */
  perTryTimeoutMs: positive.optional(),
  /** The client gives up on its request after this long (Envoy's route `timeout`, a client's deadline). */
  requestTimeoutMs: positive.optional(),
  balancerRetries: balancerRetrySchema.optional(),
  /** Envoy RetryBudget: retries in flight stay under budgetPercent of requests in flight, or minRetryConcurrency. */
  retryBudget: strictObject({ budgetPercent: number({ min: 0, max: 100 }), minRetryConcurrency: number({ integer: true, min: 0 }) }).optional(),
  /** The client's own retries of a failed or timed-out request, with full-jitter back-off: each is a new request to the balancer. */
  clientRetries: strictObject({ maxAttempts: number({ integer: true, min: 1, max: 10 }), backoffBaseMs: positive, backoffCapMs: positive }).optional(),
  /** HAProxy `maxconn` on every server: more tries wait in the backend queue, up to `timeout queue`, then 503. */
  maxConnPerServer: number({ integer: true, min: 1 }).optional(),
  queueTimeoutMs: positive.optional(),
  /** Which waiting try a freed slot takes: the oldest (HAProxy) or the newest (adaptive LIFO). */
  queueOrder: choice(['fifo', 'lifo']).optional(),
  /** Envoy cluster circuit breakers; each overflow is a 503 at once, counted separately. */
  circuitBreakers: strictObject({
    maxConnections: number({ integer: true, min: 1 }).optional(),
    maxPendingRequests: number({ integer: true, min: 0 }).optional(),
    maxRequests: number({ integer: true, min: 1 }).optional(),
    maxRetries: number({ integer: true, min: 0 }).optional(),
  }).optional(),
  /** Send a second copy of a request that has no answer after `delayMs` to another server; the first answer wins and the other copy is cancelled. */
  hedging: strictObject({ delayMs: positive }).optional(),
  /** Envoy outlier detection (consecutive 5xx, local-origin errors included), lib/health/outlier-ejection.ts. */
  outlierDetection: strictObject({
    consecutive5xx: number({ integer: true, min: 1 }),
    intervalMs: positive,
    baseEjectionTimeMs: positive,
    maxEjectionPercent: number({ min: 0, max: 100 }),
    maxEjectionTimeMs: positive.optional(),
  }).optional(),
  /** Envoy `healthy_panic_threshold` (default 50): below this share of healthy hosts, balance over all of them, ejected or not. 0 turns panic off. */
  panicThresholdPercent: number({ min: 0, max: 100 }).optional(),
  /** Envoy's adaptive concurrency filter, gradient controller (adaptive-concurrency.ts): requests past the limit get 503 at once. */
  adaptiveConcurrency: strictObject({
    updateIntervalMs: positive,
    percentile: number({ min: 0, max: 100 }).optional(),
    bufferPercent: number({ min: 0 }).optional(),
    minConcurrency: number({ integer: true, min: 1 }).optional(),
    maxConcurrency: number({ integer: true, min: 1 }).optional(),
    minRttIntervalMs: positive.optional(),
    minRttRequests: number({ integer: true, min: 1 }).optional(),
  }).optional(),
  /** Envoy `slow_start_config`: a host that joins gets a weight that ramps up over `windowMs` (lib/health/slow-start.ts). */
  slowStart: strictObject({ windowMs: positive, aggression: positive.optional(), minWeightPercent: number({ min: 0, max: 100 }).optional() }).optional(),
});

export type OverloadSpec = z.output<typeof overloadSpecSchema>;
export type BalancerRetrySpec = z.output<typeof balancerRetrySchema>;
