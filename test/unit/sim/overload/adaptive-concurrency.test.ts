import { describe, expect, it } from 'vitest';
import { GradientController, nextLimit } from '@/lib/sim/overload/adaptive-concurrency';
import { defineScenario } from '@/lib/sim/scenario';
import { runSimulation } from '@/lib/sim/simulator';

describe('Envoy gradient controller: the limit update', () => {
  it('grows the limit by √limit when samples match minRTT within the buffer', () => {
    // gradient = (10 + 2.5) / 12.5 = 1: limit 100 → 100 + √100.
    expect(nextLimit(100, 10, 12.5)).toEqual({ gradient: 1, limit: 110 });
  });

  it('shrinks it as sampled latency rises, the gradient never below 0.5', () => {
    expect(nextLimit(100, 10, 25)).toEqual({ gradient: 0.5, limit: 57 });
    expect(nextLimit(100, 10, 1_000).gradient).toBe(0.5);
  });

  it('never lets the gradient pass 2, nor the limit leave [min_concurrency, max_concurrency_limit]', () => {
    expect(nextLimit(10, 10, 1)).toEqual({ gradient: 2, limit: 24 });
    expect(nextLimit(900, 10, 1).limit).toBe(1000);
    expect(nextLimit(3, 10, 1_000, 25, 3).limit).toBe(3);
  });
});

describe('Envoy gradient controller over time', () => {
  it('pins the limit to min_concurrency until minRTT is measured, then updates each interval', () => {
    const controller = new GradientController({ updateIntervalMs: 100, minRttRequests: 3, minConcurrency: 3 }, 0);
    expect(controller.limit(0)).toBe(3);
    for (const latency of [10, 10, 10]) controller.sample(latency, 50);
    expect(controller.limit(60)).toBe(3);
    controller.sample(10, 120);
    // First window after the measurement: gradient (10 + 2.5) / 10 = 1.25, then 3 × 1.25 + √3.75 = 5.69 → 5.
    expect(controller.limit(151)).toBe(5);
  });

  it('refuses a request past the limit and counts it as rq_blocked', () => {
    const controller = new GradientController({ updateIntervalMs: 100 }, 0);
    expect(controller.admits(2, 0)).toBe(true);
    expect(controller.admits(3, 0)).toBe(false);
    expect(controller.blocked).toBe(1);
  });
});

describe('adaptive concurrency in the engine', () => {
  const overloaded = (adaptive: boolean) =>
    runSimulation(
      defineScenario({
        seed: 4,
        algorithm: 'least-connections',
        servers: Array.from({ length: 2 }, () => ({ weight: 1, capacity: 4 })),
        arrivals: { pattern: 'poisson', ratePerSecond: 1_200 },
        cost: { distribution: 'exponential', meanMs: 10 },
        durationMs: 10_000,
        overload: adaptive ? { adaptiveConcurrency: { updateIntervalMs: 100, minRttRequests: 20 } } : {},
      }),
    );

  it('sheds what the servers cannot take, so the answered ones stay fast', () => {
    const without = overloaded(false);
    const limited = overloaded(true);
    expect(limited.overload!.limited).toBeGreaterThan(0);
    expect(limited.latencyMs.p99).toBeLessThan(without.latencyMs.p99 / 5);
    expect(without.overload!.limited).toBe(0);
  });
});
