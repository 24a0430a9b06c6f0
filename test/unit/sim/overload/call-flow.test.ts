import { describe, expect, it } from 'vitest';
import { defineScenario, type OverloadSpec, type Scenario } from '@/lib/sim/scenario';
import { runSimulation } from '@/lib/sim/simulator';

/** `count` requests arriving together within a microsecond or so on `servers` one-worker servers, each costing exactly `costMs`. */
function burst(count: number, overload: OverloadSpec, extra: Partial<Scenario> = {}, servers = 1, costMs = 100) {
  return runSimulation(
    defineScenario({
      seed: 1,
      algorithm: 'round-robin',
      servers: Array.from({ length: servers }, () => ({ weight: 1, capacity: 1 })),
      arrivals: { pattern: 'burst', ratePerSecond: 1e6 * count, burstSize: count },
      cost: { distribution: 'constant', meanMs: costMs },
      requests: count,
      overload,
      ...extra,
    }),
  );
}

const overloadOf = (metrics: ReturnType<typeof runSimulation>) => metrics.overload!;

describe('timeouts', () => {
  it('gives up on a try after perTryTimeoutMs while the server finishes it for nobody', () => {
    const metrics = burst(1, { perTryTimeoutMs: 50 });
    expect(overloadOf(metrics)).toMatchObject({ requests: 1, succeeded: 0, timedOut: 1, tryTimeouts: 1, wasted: 1 });
    expect(metrics.served).toBe(1);
  });

  it('lets the client give up after requestTimeoutMs, whatever the balancer is still trying', () => {
    expect(overloadOf(burst(1, { requestTimeoutMs: 60 }))).toMatchObject({ timedOut: 1, requestTimeouts: 1, tryTimeouts: 0, wasted: 1 });
  });

  it('answers in time when the try is quicker than its timeout', () => {
    const metrics = burst(1, { perTryTimeoutMs: 150, requestTimeoutMs: 200 });
    expect(overloadOf(metrics)).toMatchObject({ succeeded: 1, timedOut: 0, wasted: 0 });
    expect(metrics.latencyMs.max).toBeCloseTo(100, 0);
  });
});

describe('balancer retries', () => {
  const crashedFirst: Partial<Scenario> = {
    failures: [{ atMs: 0, server: 0, kind: 'crash' }],
    // Checks so slow that the balancer still believes the crashed server healthy.
    healthCheck: { intervalMs: 60_000, timeoutMs: 1_000, rise: 1, fall: 1 },
  };

  it('nginx passes a refused connection to the next server under "error"', () => {
    expect(overloadOf(burst(1, { balancerRetries: { style: 'nginx', on: ['error'], tries: 0 } }, crashedFirst, 2))).toMatchObject({ succeeded: 1, tries: 2, balancerRetries: 1 });
  });

  it('nginx does not retry a refusal it was not told to, and stops at proxy_next_upstream_tries', () => {
    expect(overloadOf(burst(1, { balancerRetries: { style: 'nginx', on: ['timeout'], tries: 0 } }, crashedFirst, 2))).toMatchObject({ succeeded: 0, errored: 1, tries: 1 });
    expect(overloadOf(burst(1, { perTryTimeoutMs: 50, balancerRetries: { style: 'nginx', on: ['timeout'], tries: 2 } }, {}, 3))).toMatchObject({ timedOut: 1, tries: 2, tryTimeouts: 2, wasted: 2 });
  });

  it('Envoy retries after a jittered back-off of at most 25 ms, up to num_retries', () => {
    const metrics = burst(1, { balancerRetries: { style: 'envoy', retryOn: ['connect-failure'], numRetries: 1 } }, crashedFirst, 2);
    expect(overloadOf(metrics)).toMatchObject({ succeeded: 1, balancerRetries: 1 });
    expect(metrics.latencyMs.max).toBeGreaterThanOrEqual(100);
    expect(metrics.latencyMs.max).toBeLessThan(126);
    expect(overloadOf(burst(1, { perTryTimeoutMs: 10, balancerRetries: { style: 'envoy', retryOn: ['5xx'], numRetries: 3 } }, {}, 4))).toMatchObject({ tries: 4, balancerRetries: 3 });
  });

  it('retries a request reset by a crash under Envoy "reset"', () => {
    const metrics = burst(1, { balancerRetries: { style: 'envoy', retryOn: ['reset'], numRetries: 1 } }, { failures: [{ atMs: 50, server: 0, kind: 'crash' }] }, 2);
    expect(overloadOf(metrics)).toMatchObject({ succeeded: 1, tries: 2, balancerRetries: 1, wasted: 0 });
  });

  it('counts a retry the breaker refuses as a retry overflow', () => {
    const metrics = burst(2, { perTryTimeoutMs: 10, balancerRetries: { style: 'envoy', retryOn: ['5xx'], numRetries: 1 }, circuitBreakers: { maxRetries: 0 } }, {}, 2);
    expect(overloadOf(metrics)).toMatchObject({ balancerRetries: 0, timedOut: 2, overflows: { retries: 2 } });
  });

  it('lets the retry budget allow min_retry_concurrency retries when little is in flight', () => {
    const spec: OverloadSpec = { perTryTimeoutMs: 10, balancerRetries: { style: 'envoy', retryOn: ['5xx'], numRetries: 1 }, retryBudget: { budgetPercent: 20, minRetryConcurrency: 1 } };
    expect(overloadOf(burst(3, spec, {}, 3))).toMatchObject({ balancerRetries: 1, overflows: { retries: 2 } });
  });
});

describe('client retries', () => {
  it('retries a timed-out request as a new request to the balancer, up to maxAttempts', () => {
    const metrics = burst(1, { requestTimeoutMs: 50, clientRetries: { maxAttempts: 3, backoffBaseMs: 10, backoffCapMs: 1_000 } });
    expect(overloadOf(metrics)).toMatchObject({ requests: 1, timedOut: 1, clientRetries: 2, tries: 3, requestTimeouts: 3 });
  });
});

describe('HAProxy maxconn, the backend queue and timeout queue', () => {
  it('queues tries past maxconn and serves them as slots free', () => {
    const metrics = burst(3, { maxConnPerServer: 1 }, {}, 1);
    expect(overloadOf(metrics)).toMatchObject({ succeeded: 3, shed: 0 });
    expect(metrics.latencyMs.max).toBeCloseTo(300, 0);
  });

  it('answers 503 to a try that waited longer than timeout queue', () => {
    const metrics = burst(3, { maxConnPerServer: 1, queueTimeoutMs: 150 }, {}, 1);
    expect(overloadOf(metrics)).toMatchObject({ succeeded: 2, shed: 1, queueTimeouts: 1 });
  });
});

describe('Envoy circuit breakers', () => {
  it('answers 503 at once past max_pending_requests and counts upstream_rq_pending_overflow', () => {
    expect(overloadOf(burst(3, { maxConnPerServer: 1, circuitBreakers: { maxPendingRequests: 1 } }))).toMatchObject({ succeeded: 2, shed: 1, overflows: { pending: 1 } });
  });

  it('answers 503 past max_requests', () => {
    expect(overloadOf(burst(3, { circuitBreakers: { maxRequests: 2 } }, {}, 4))).toMatchObject({ succeeded: 2, shed: 1, overflows: { requests: 1 } });
  });

  it('queues past max_connections and counts upstream_cx_overflow', () => {
    const metrics = burst(2, { circuitBreakers: { maxConnections: 1 } }, {}, 2);
    expect(overloadOf(metrics)).toMatchObject({ succeeded: 2, overflows: { connections: 1 } });
    expect(metrics.latencyMs.max).toBeCloseTo(200, 0);
  });
});

describe('hedged requests', () => {
  it('sends a second copy after delayMs to another server and cancels the loser', () => {
    const metrics = burst(1, { hedging: { delayMs: 30 } }, {}, 2);
    expect(overloadOf(metrics)).toMatchObject({ succeeded: 1, hedges: 1, tries: 2, wasted: 0 });
    expect(metrics.served).toBe(1);
  });

  it('sends no hedge when the answer comes first', () => {
    expect(overloadOf(burst(1, { hedging: { delayMs: 150 } }, {}, 2))).toMatchObject({ succeeded: 1, hedges: 0, tries: 1 });
  });
});
