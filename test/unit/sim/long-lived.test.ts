import { describe, expect, it } from 'vitest';
import { defineScenario, type Scenario } from '@/lib/sim/scenario';
import { createSimulation, runSimulation } from '@/lib/sim/simulator';
import { servers } from './fixtures';

// Every arrival opens a WebSocket that stays for 10 s on average: 50 a second over two servers of one worker each.
const sockets: Scenario = {
  seed: 8,
  algorithm: 'round-robin',
  servers: servers(2, { weight: 1, capacity: 1 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 50 },
  cost: { distribution: 'constant', meanMs: 5, longLived: { share: 1, meanMs: 10_000 } },
  durationMs: 20_000,
};

describe('long-lived connections', () => {
  it('hold no worker and never queue, but count as open connections until they close', () => {
    const snapshot = createSimulation(defineScenario(sockets)).step(20_000);
    const open = snapshot.servers.reduce((sum, server) => sum + server.openConnections, 0);
    // About rate × mean lifetime × (1 − e^−2) ≈ 430 open, far beyond the two workers.
    expect(open).toBeGreaterThan(300);
    expect(snapshot.servers.every((server) => server.inService === 0 && server.queued === 0)).toBe(true);
  });

  it('count as served when they close, without a request latency', () => {
    const metrics = runSimulation(defineScenario(sockets));
    expect(metrics.served).toBe(metrics.arrived);
    expect(metrics.latencyMs.p50).toBeNaN();
    expect(metrics.servers.every((server) => server.openConnections === 0 && server.peakOpenConnections > 150)).toBe(true);
  });

  it('fail when their server crashes', () => {
    const simulation = createSimulation(defineScenario({ ...sockets, failures: [{ atMs: 15_000, server: 0, kind: 'crash' }] }));
    const open = simulation.step(14_999).servers[0]!.openConnections;
    simulation.step(Infinity);
    expect(simulation.metrics().servers[0]!.failed).toBe(open);
  });

  it('keep a removed server draining until the last one closes', () => {
    const simulation = createSimulation(defineScenario(sockets));
    simulation.step(10_000);
    simulation.command({ kind: 'remove-server', server: 0 });
    expect(simulation.step(20_000).servers[0]).toMatchObject({ state: 'draining', routed: 0 });
    simulation.step(Infinity);
    expect(simulation.metrics().servers[0]).toMatchObject({ state: 'removed', failed: 0 });
  });

  it('pile up on the old servers under round robin after a server joins; least connections fills the new one', () => {
    const spread = (algorithm: Scenario['algorithm']) => {
      const simulation = createSimulation(defineScenario({ ...sockets, servers: servers(3, { weight: 1, capacity: 1 }), algorithm, changes: [{ atMs: 10_000, kind: 'add-server', spec: { weight: 1, capacity: 1 } }] }));
      const open = simulation.step(16_000).servers.map((server) => server.openConnections);
      return Math.max(...open) / Math.min(...open);
    };
    expect(spread('round-robin')).toBeGreaterThan(1.5);
    expect(spread('least-connections')).toBeLessThan(1.1);
  });
});
