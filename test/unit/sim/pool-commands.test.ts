import { describe, expect, it } from 'vitest';
import { defineScenario, type Scenario } from '@/lib/sim/scenario';
import { createSimulation } from '@/lib/sim/simulator';
import { poissonScenario, servers } from './fixtures';

// Three servers of capacity 4, 10 ms constant requests at half load: a few requests in flight on each at any time.
const scenario: Scenario = {
  ...poissonScenario('round-robin', servers(3, { weight: 1, capacity: 4 }), 0.5, 1),
  // 12 workers × 100 requests/s each at half load.
  arrivals: { pattern: 'poisson', ratePerSecond: 600 },
  cost: { distribution: 'constant', meanMs: 10 },
  requests: undefined,
  durationMs: 3_000,
};

describe('runtime commands', () => {
  it('crashes a server at the current time: it gets nothing until it recovers', () => {
    const simulation = createSimulation(defineScenario(scenario));
    simulation.step(1_000);
    expect(simulation.command({ kind: 'crash', server: 1 })).toBe(true);
    expect(simulation.step(1_500).servers[1]).toMatchObject({ state: 'down', up: false, checkedHealthy: false, routed: 0, inService: 0 });
    expect(simulation.command({ kind: 'recover', server: 1 })).toBe(true);
    const recovered = simulation.step(2_000).servers[1]!;
    expect(recovered).toMatchObject({ state: 'up', checkedHealthy: true });
    expect(recovered.routed).toBeGreaterThan(0);
  });

  it('adds a server at the next index, named d, which takes its turn at once', () => {
    const simulation = createSimulation(defineScenario(scenario));
    simulation.step(1_000);
    simulation.command({ kind: 'add-server', spec: { weight: 1, capacity: 4 } });
    const snapshot = simulation.step(2_000);
    expect(snapshot.servers.map((server) => server.id)).toEqual(['a', 'b', 'c', 'd']);
    // Round robin over four: d gets a quarter of the second after it joined.
    expect(snapshot.servers[3]!.routed / snapshot.servers.reduce((sum, server) => sum + server.routed, 0)).toBeCloseTo(0.25, 2);
  });

  it('drains a removed server: no new requests, the ones it holds finish, then it is removed', () => {
    const simulation = createSimulation(defineScenario({ ...scenario, cost: { distribution: 'constant', meanMs: 200 }, arrivals: { pattern: 'poisson', ratePerSecond: 40 } }));
    const before = simulation.step(1_000).servers[0]!;
    expect(before.inService + before.queued).toBeGreaterThan(0);
    simulation.command({ kind: 'remove-server', server: 0 });
    const draining = simulation.step(1_100).servers[0]!;
    expect(draining).toMatchObject({ state: 'draining', routed: 0 });
    const removed = simulation.step(2_000).servers[0]!;
    expect(removed).toMatchObject({ state: 'removed', routed: 0, inService: 0, queued: 0, served: before.served + before.inService + before.queued });
    expect(simulation.metrics().failed).toBe(0);
  });

  it('keeps every index: a removed server stays listed and the next added one takes a new index', () => {
    const simulation = createSimulation(defineScenario(scenario));
    simulation.step(500);
    simulation.command({ kind: 'remove-server', server: 1 });
    simulation.command({ kind: 'add-server', spec: { weight: 1, capacity: 4 } });
    simulation.step(Infinity);
    expect(simulation.metrics().servers.map((server) => [server.id, server.state])).toEqual([
      ['a', 'up'],
      ['b', 'removed'],
      ['c', 'up'],
      ['d', 'up'],
    ]);
  });

  it('ignores a command that changes nothing: an unknown server, a second crash, recovering a server that is up', () => {
    const simulation = createSimulation(defineScenario(scenario));
    simulation.step(500);
    expect(simulation.command({ kind: 'crash', server: 9 })).toBe(false);
    expect(simulation.command({ kind: 'recover', server: 0 })).toBe(false);
    expect(simulation.command({ kind: 'crash', server: 0 })).toBe(true);
    expect(simulation.command({ kind: 'crash', server: 0 })).toBe(false);
    expect(simulation.command({ kind: 'remove-server', server: 0 })).toBe(true);
    expect(simulation.command({ kind: 'remove-server', server: 0 })).toBe(false);
  });

  it('refuses to add a server with a weight or capacity a balancer cannot use', () => {
    expect(() => createSimulation(defineScenario(scenario)).command({ kind: 'add-server', spec: { weight: 0, capacity: 4 } })).toThrow(RangeError);
  });

  it('replays: the same commands at the same simulated times give the same run', () => {
    const run = () => {
      const simulation = createSimulation(defineScenario(scenario));
      simulation.step(700);
      simulation.command({ kind: 'add-server', spec: { weight: 2, capacity: 2 } });
      simulation.step(1_300);
      simulation.command({ kind: 'crash', server: 0 });
      simulation.step(Infinity);
      return simulation.metrics();
    };
    expect(run()).toEqual(run());
  });

  it('runs planned changes from the scenario like commands', () => {
    const planned = createSimulation(defineScenario({ ...scenario, changes: [{ atMs: 700, kind: 'add-server', spec: { weight: 2, capacity: 2 } }] }));
    const commanded = createSimulation(defineScenario(scenario));
    commanded.step(700);
    commanded.command({ kind: 'add-server', spec: { weight: 2, capacity: 2 } });
    planned.step(Infinity);
    commanded.step(Infinity);
    expect(planned.metrics()).toEqual(commanded.metrics());
  });
});
