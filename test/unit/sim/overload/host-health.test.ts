import { describe, expect, it } from 'vitest';
import { defineScenario, type OverloadSpec, type Scenario, type ServerSpec } from '@/lib/sim/scenario';
import { SimServer } from '@/lib/sim/server';
import { runSimulation } from '@/lib/sim/simulator';

const run = (servers: ServerSpec[], overload: OverloadSpec, extra: Partial<Scenario> = {}) =>
  runSimulation(
    defineScenario({
      seed: 3,
      algorithm: 'round-robin',
      servers,
      arrivals: { pattern: 'poisson', ratePerSecond: 100 },
      cost: { distribution: 'constant', meanMs: 5 },
      requests: 200,
      overload,
      ...extra,
    }),
  );

const healthy: ServerSpec = { weight: 1, capacity: 4 };
const sick: ServerSpec = { weight: 1, capacity: 4, errorShare: 1 };
const detection = { consecutive5xx: 3, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 100 };

describe('outlier ejection in the engine', () => {
  it('ejects a host after consecutive_5xx errors, and the rest of the traffic avoids it', () => {
    const metrics = run([sick, healthy], { outlierDetection: detection });
    expect(metrics.overload).toMatchObject({ ejections: 1, serverErrors: 3, panics: 0 });
    expect(metrics.servers[0]!.served).toBe(3);
  });

  it('keeps a host whose ejection max_ejection_percent refuses, beyond the first', () => {
    const metrics = run([sick, sick, healthy, healthy], { outlierDetection: { ...detection, maxEjectionPercent: 25 } });
    expect(metrics.overload).toMatchObject({ ejections: 1 });
    expect(metrics.overload!.ejectionsRefused).toBeGreaterThan(0);
  });

  it('goes into panic when too few hosts are left, and balances over the ejected ones again', () => {
    const metrics = run([sick, sick, sick, healthy], { outlierDetection: detection });
    expect(metrics.overload!.panics).toBe(1);
    // In panic every host takes its share again, the sick ones included.
    expect(metrics.overload!.serverErrors).toBeGreaterThan(100);
  });

  it('never panics with a threshold of 0: everything piles onto the last healthy host', () => {
    const metrics = run([sick, sick, sick, healthy], { outlierDetection: detection, panicThresholdPercent: 0 });
    expect(metrics.overload).toMatchObject({ panics: 0, ejections: 3, serverErrors: 9 });
  });
});

describe('slow start in the engine', () => {
  const added: Partial<Scenario> = { algorithm: 'weighted-round-robin', changes: [{ atMs: 500, kind: 'add-server', spec: healthy }], requests: 300 };

  it('gives a server that joins a small, growing share of the traffic', () => {
    const withRamp = run([healthy, healthy], { slowStart: { windowMs: 60_000 } }, added);
    const without = run([healthy, healthy], {}, added);
    expect(withRamp.servers[2]!.served).toBeLessThan(without.servers[2]!.served / 3);
    expect(without.servers[2]!.served).toBeGreaterThan(50);
  });

  it('leaves the servers the cluster started with at full weight', () => {
    const metrics = run([healthy, healthy], { slowStart: { windowMs: 60_000 } });
    expect(Math.abs(metrics.servers[0]!.served - metrics.servers[1]!.served)).toBeLessThanOrEqual(1);
  });
});

describe('sick and cold servers', () => {
  it('makes requests cost factor × more on a cold server, falling to 1× over durationMs, and a slowdown multiplies what it starts', () => {
    const server = new SimServer(0, { weight: 1, capacity: 1, slowdown: { atMs: 0, factor: 2 }, coldStart: { factor: 3, durationMs: 1_000 } });
    server.inRotationSince = 0;
    expect([0, 500, 1_000, 5_000].map((at) => server.coldStartFactor(at))).toEqual([3, 2, 1, 1]);
    expect(server.serviceMs({ arrivedAt: 0, measured: false, costMs: 10, attempt: undefined }, 0)).toBe(20);
  });
});
