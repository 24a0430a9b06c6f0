import { describe, expect, it } from 'vitest';
import type { AlgorithmName } from '@/lib/balancers/types';
import { findNamedScenario } from '@/lib/sim/named-scenarios';
import { defineScenario, validateScenario, type Scenario } from '@/lib/sim/scenario';
import { runSimulation } from '@/lib/sim/simulator';

const oneServer = (slowdown?: { atMs: number; factor: number }): Scenario => ({
  seed: 3,
  algorithm: 'round-robin',
  servers: [{ weight: 1, capacity: 1, ...(slowdown ? { slowdown } : {}) }],
  arrivals: { pattern: 'poisson', ratePerSecond: 2 },
  cost: { distribution: 'constant', meanMs: 5 },
  durationMs: 200_000,
});

describe('a slow-but-alive server (ServerSpec.slowdown)', () => {
  it('takes factor × the cost for every request it starts from atMs on, and the plain cost before', () => {
    // At 2 req/s a request rarely waits, so latency is close to the service time.
    expect(runSimulation(defineScenario(oneServer())).latencyMs.p50).toBeCloseTo(5, 0);
    expect(runSimulation(defineScenario(oneServer({ atMs: 0, factor: 4 }))).latencyMs.p50).toBeCloseTo(20, 0);
    // Slow for the second half only: half the requests take 5 ms and half 20 ms.
    const slowLater = runSimulation(defineScenario(oneServer({ atMs: 100_000, factor: 4 }))).latencyMs;
    expect(slowLater.mean).toBeGreaterThan(12);
    expect(slowLater.mean).toBeLessThan(14);
  });

  it('is validated like every other field', () => {
    const bad = { ...oneServer(), servers: [{ weight: 1, capacity: 1, slowdown: { atMs: -1, factor: 0, speed: 2 } }] };
    const result = validateScenario(bad);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join('\n')).toMatch(/servers\[0\]\.slowdown/);
  });
});

describe('slow-server-latency-aware', () => {
  const named = findNamedScenario('slow-server-latency-aware')!;
  const base = named.variants[0].scenario;
  const run = (algorithm: AlgorithmName) => runSimulation({ ...base, algorithm });
  const roundRobin = run('round-robin');
  const leastConnections = run('least-connections');
  const peakEwma = run('peak-ewma');
  const slowShare = (metrics: typeof peakEwma) => metrics.servers[3]!.served / metrics.served;

  it('compares least connections with peak EWMA on one seed', () => {
    expect(named.variants.map((variant) => variant.scenario.algorithm)).toEqual(['least-connections', 'peak-ewma']);
  });

  it('peak EWMA sends the slow server less than half what least connections does, and cuts the p99 by more than half', () => {
    expect(slowShare(peakEwma)).toBeLessThan(slowShare(leastConnections) / 2);
    expect(peakEwma.latencyMs.p99).toBeLessThan(leastConnections.latencyMs.p99 / 2);
  });

  it('round robin, which ignores both load and latency, has the worst p99 of the three', () => {
    expect(roundRobin.latencyMs.p99).toBeGreaterThan(2 * leastConnections.latencyMs.p99);
  });

  it('loses nothing under any of the three: the slow server is alive, only slow', () => {
    for (const metrics of [roundRobin, leastConnections, peakEwma]) expect(metrics.dropped + metrics.failed).toBe(0);
  });
});

describe('latency feedback behind Layer 7 rules', () => {
  it('reaches the balancer of the target group that served the request, so peak EWMA steers inside the group', () => {
    const canary = findNamedScenario('layer7-canary')!.variants[0].scenario;
    const slowStable = { ...canary, algorithm: 'peak-ewma' as const, servers: canary.servers.map((server, index) => (index === 2 ? { ...server, slowdown: { atMs: 0, factor: 8 } } : server)) };
    const metrics = runSimulation(slowStable);
    // Servers c to f are api-stable and c is eight times slower. Without latency the balancer falls back
    // to outstanding requests alone and still gives c about 7% of the group; with it, about 1%.
    const stable = metrics.servers.slice(2, 6).map((server) => server.served);
    expect(stable[0]! / stable.reduce((sum, served) => sum + served, 0)).toBeLessThan(0.03);
  });
});
