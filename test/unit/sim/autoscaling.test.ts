import { describe, expect, it } from 'vitest';
import { decideScaling, type ScalingInput } from '@/lib/sim/autoscaler';
import { defineScenario, type AutoscalingSpec, type Scenario } from '@/lib/sim/scenario';
import { createSimulation } from '@/lib/sim/simulator';
import { servers } from './fixtures';

const spec: AutoscalingSpec = {
  minServers: 2,
  maxServers: 5,
  targetUtilisation: 0.6,
  evaluationIntervalMs: 1_000,
  provisioningMs: 3_000,
  cooldownMs: 2_000,
  template: { weight: 1, capacity: 4 },
};
const steady: ScalingInput = { nowMs: 10_000, utilisation: 0.6, inRotation: 3, groupSize: 3, joining: 0, lastActionMs: -Infinity };
const decide = (change: Partial<ScalingInput>, policy: Partial<AutoscalingSpec> = {}) => decideScaling({ ...steady, ...change }, { ...spec, ...policy });

describe('the scaling policy (target tracking, one server at a time)', () => {
  it('launches a server when the pool is busier than the target', () => {
    expect(decide({ utilisation: 0.61 })).toBe('scale-out');
  });

  it('waits out the cooldown after any action', () => {
    expect(decide({ utilisation: 0.9, lastActionMs: 8_500 })).toBe('hold');
    expect(decide({ utilisation: 0.9, lastActionMs: 8_000 })).toBe('scale-out');
  });

  it('never grows the group past maxServers, booting servers included', () => {
    expect(decide({ utilisation: 0.9, inRotation: 3, groupSize: 5, joining: 2 })).toBe('hold');
  });

  it('scales in only when the servers left would still be under target', () => {
    // 0.35 × 3/2 = 0.525 < 0.6, but 0.45 × 3/2 = 0.675 would overshoot.
    expect(decide({ utilisation: 0.35 })).toBe('scale-in');
    expect(decide({ utilisation: 0.45 })).toBe('hold');
  });

  it('does not scale in at minServers, while a server is joining, or with scale-in disabled', () => {
    expect(decide({ utilisation: 0.1, inRotation: 2, groupSize: 2 })).toBe('hold');
    expect(decide({ utilisation: 0.1, groupSize: 4, joining: 1 })).toBe('hold');
    expect(decide({ utilisation: 0.1 }, { disableScaleIn: true })).toBe('hold');
  });

  it('holds when nothing is in rotation to measure', () => {
    expect(decide({ utilisation: Number.NaN, inRotation: 0 })).toBe('hold');
  });
});

// Two servers of 4 workers and 10 ms requests take 800 req/s; 640 req/s is 80%, above the 60% target.
const busy: Scenario = {
  seed: 3,
  algorithm: 'least-connections',
  servers: servers(2, { weight: 1, capacity: 4 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 640 },
  cost: { distribution: 'exponential', meanMs: 10 },
  durationMs: 20_000,
  autoscaling: spec,
};

describe('autoscaling in a run', () => {
  it('launches a server at the first evaluation; it boots for provisioningMs, then takes requests', () => {
    const simulation = createSimulation(defineScenario(busy));
    expect(simulation.step(1_000).servers.map((server) => server.state)).toEqual(['up', 'up', 'starting']);
    expect(simulation.step(3_990).servers[2]).toMatchObject({ state: 'starting', routed: 0 });
    expect(simulation.step(4_010).servers[2]!.state).toBe('up');
    expect(simulation.step(5_000).servers[2]!.routed).toBeGreaterThan(0);
  });

  it('with health checks, a booted server also waits for its first passing check', () => {
    const simulation = createSimulation(defineScenario({ ...busy, healthCheck: { intervalMs: 500, timeoutMs: 100, rise: 2, fall: 2 } }));
    expect(simulation.step(4_010).servers[2]).toMatchObject({ state: 'up', checkedHealthy: false });
    expect(simulation.step(4_490).servers[2]!.routed).toBe(0);
    expect(simulation.step(4_600).servers[2]!.checkedHealthy).toBe(true);
  });

  it('settles under the target and drains servers when the load falls, losing nothing', () => {
    const simulation = createSimulation(defineScenario({
      ...busy,
      arrivals: { pattern: 'spike', ratePerSecond: 200, spikeAtMs: 0, spikeDurationMs: 15_000, spikeMultiplier: 4 },
      durationMs: 40_000,
    }));
    const peak = simulation.step(15_000).servers.filter((server) => server.state === 'up').length;
    simulation.step(Infinity);
    const metrics = simulation.metrics();
    expect(peak).toBeGreaterThanOrEqual(3);
    expect(metrics.servers.filter((server) => server.state === 'up')).toHaveLength(spec.minServers);
    expect(metrics.servers.filter((server) => server.state === 'removed').length).toBeGreaterThan(0);
    expect(metrics.failed).toBe(0);
  });
});
