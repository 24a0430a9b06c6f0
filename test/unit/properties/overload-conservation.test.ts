import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineScenario, type OverloadSpec } from '@/lib/sim/scenario';
import { runSimulation } from '@/lib/sim/simulator';
import { SEED } from './arbitraries';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Any mix of the overload features, each on or off. */
const overloadArb: fc.Arbitrary<OverloadSpec> = fc.record(
  {
    perTryTimeoutMs: optional(fc.integer({ min: 5, max: 80 })),
    requestTimeoutMs: optional(fc.integer({ min: 20, max: 300 })),
    balancerRetries: optional(
      fc.oneof(
        fc.record({ style: fc.constant('nginx' as const), on: fc.subarray(['error', 'timeout', 'http_5xx'] as const), tries: fc.integer({ min: 0, max: 4 }) }),
        fc.record({ style: fc.constant('envoy' as const), retryOn: fc.subarray(['5xx', 'gateway-error', 'reset', 'connect-failure'] as const), numRetries: fc.integer({ min: 0, max: 4 }) }),
      ),
    ),
    clientRetries: optional(fc.record({ maxAttempts: fc.integer({ min: 1, max: 4 }), backoffBaseMs: fc.integer({ min: 1, max: 50 }), backoffCapMs: fc.integer({ min: 50, max: 500 }) })),
    maxConnPerServer: optional(fc.integer({ min: 1, max: 3 })),
    queueTimeoutMs: optional(fc.integer({ min: 5, max: 100 })),
    queueOrder: optional(fc.constantFrom('fifo' as const, 'lifo' as const)),
    circuitBreakers: optional(
      fc.record(
        { maxConnections: fc.integer({ min: 1, max: 12 }), maxPendingRequests: fc.integer({ min: 0, max: 12 }), maxRequests: fc.integer({ min: 1, max: 20 }), maxRetries: fc.integer({ min: 0, max: 4 }) },
        { requiredKeys: [] },
      ),
    ),
    hedging: optional(fc.record({ delayMs: fc.integer({ min: 1, max: 60 }) })),
    adaptiveConcurrency: optional(fc.record({ updateIntervalMs: fc.integer({ min: 10, max: 200 }), minRttRequests: fc.integer({ min: 1, max: 30 }) })),
  },
  { requiredKeys: [] },
).map((spec) => Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as OverloadSpec);

const runArb = fc.record({
  overload: overloadArb,
  seed: fc.nat(),
  servers: fc.integer({ min: 1, max: 4 }),
  load: fc.double({ min: 0.3, max: 2.5, noNaN: true }),
  crash: fc.boolean(),
  algorithm: fc.constantFrom('round-robin' as const, 'least-connections' as const, 'random' as const),
});

describe('the overload model, whatever is switched on', () => {
  it('ends every request exactly once, and every finished try is its answer, a 500 or wasted work', () => {
    fc.assert(
      fc.property(runArb, ({ overload, seed, servers, load, crash, algorithm }) => {
        // A retry budget belongs with Envoy-style retries; the schema refuses it otherwise.
        const withBudget = overload.balancerRetries?.style === 'envoy' && seed % 2 === 0 ? { ...overload, retryBudget: { budgetPercent: 20, minRetryConcurrency: 1 } } : overload;
        const metrics = runSimulation(
          defineScenario({
            seed,
            algorithm,
            servers: Array.from({ length: servers }, (_, index) => ({ weight: 1, capacity: 2, queueLimit: 4, ...(index === 0 && seed % 3 === 0 ? { errorShare: 0.5 } : {}) })),
            arrivals: { pattern: 'poisson', ratePerSecond: (load * servers * 2 * 1000) / 10 },
            cost: { distribution: 'exponential', meanMs: 10 },
            requests: 300,
            ...(crash ? { failures: [{ atMs: 100, server: 0, kind: 'crash' as const }, { atMs: 400, server: 0, kind: 'recover' as const }] } : {}),
            overload: seed % 5 === 0 ? { ...withBudget, outlierDetection: { consecutive5xx: 2, intervalMs: 100, baseEjectionTimeMs: 200, maxEjectionPercent: 100 } } : withBudget,
          }),
        );
        const o = metrics.overload!;
        expect(o.requests).toBe(300);
        expect(o.inFlight).toBe(0);
        expect(o.succeeded + o.timedOut + o.shed + o.errored).toBe(o.requests);
        expect(metrics.served).toBe(o.succeeded + o.wasted + o.serverErrors);
        expect(metrics.arrived).toBe(o.requests);
        // Every client attempt makes a try, unless the concurrency limiter refused it first.
        expect(o.tries + o.limited).toBeGreaterThanOrEqual(o.requests + o.clientRetries);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
