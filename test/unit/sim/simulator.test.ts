import { describe, expect, it } from 'vitest';
import { defineScenario, type Scenario } from '@/lib/sim/scenario';
import { createSimulation, runSimulation, type RouteDecision } from '@/lib/sim/simulator';
import { poissonScenario, servers } from './fixtures';

/** Every routing decision of a run. */
function routes(scenario: Scenario): RouteDecision[] {
  const decisions: RouteDecision[] = [];
  runSimulation(defineScenario(scenario), { onRoute: (decision) => decisions.push(decision) });
  return decisions;
}

describe('determinism', () => {
  const scenario = poissonScenario('power-of-two', servers(8, { weight: 1, capacity: 2, queueLimit: 4 }), 0.9, 20_000);

  it('gives identical metrics for the same seed', () => {
    expect(runSimulation(defineScenario(scenario))).toEqual(runSimulation(defineScenario(structuredClone(scenario))));
  });

  it('gives different metrics for a different seed', () => {
    expect(runSimulation(defineScenario({ ...scenario, seed: 2 }))).not.toEqual(runSimulation(defineScenario(scenario)));
  });

  it('sends the same requests at the same times from the same clients whatever the algorithm', () => {
    const traffic = (decisions: RouteDecision[]) => decisions.map(({ atMs, clientIp, sessionKey }) => ({ atMs, clientIp, sessionKey }));
    expect(traffic(routes({ ...scenario, algorithm: 'random' }))).toEqual(traffic(routes({ ...scenario, algorithm: 'least-connections' })));
  });

  it('gives the same result stepped frame by frame as run in one go', () => {
    const simulation = createSimulation(defineScenario(scenario));
    for (let until = 0; !simulation.done; until += 16) simulation.step(until);
    expect(simulation.metrics()).toEqual(runSimulation(defineScenario(scenario)));
  });
});

describe('routing and queueing', () => {
  it('sends requests round robin as a b c a b c', () => {
    const decisions = routes(poissonScenario('round-robin', servers(3), 0.1, 6));
    expect(decisions.map((decision) => decision.server)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('drops what no server has room for: capacity 1 plus a queue of 2 takes 3 of a burst of 10', () => {
    const metrics = runSimulation(defineScenario({
      ...poissonScenario('round-robin', servers(1, { weight: 1, capacity: 1, queueLimit: 2 }), 1, 10),
      arrivals: { pattern: 'burst', ratePerSecond: 10, burstSize: 10 },
    }));
    expect(metrics).toMatchObject({ arrived: 10, served: 3, dropped: 7, noBackend: 7 });
    expect(metrics.servers[0]).toMatchObject({ served: 3, maxQueueLength: 2 });
  });

  it('serves a queue first in, first out: the third request of a burst waits for two services', () => {
    const metrics = runSimulation(defineScenario({
      ...poissonScenario('round-robin', servers(1), 1, 3),
      arrivals: { pattern: 'burst', ratePerSecond: 10, burstSize: 3 },
      cost: { distribution: 'constant', meanMs: 10 },
    }));
    expect(metrics.latencyMs).toMatchObject({ mean: 20, max: 30 });
    expect(metrics.meanWaitMs).toBe(10);
  });

  it('accounts for every measured request as served, dropped or failed, and leaves warm-up out', () => {
    const metrics = runSimulation(defineScenario({
      ...poissonScenario('least-connections', servers(4, { weight: 1, capacity: 1, queueLimit: 3 }), 1.2, 10_000),
      warmupRequests: 2_000,
      failures: [{ atMs: 500, server: 0, kind: 'crash' }],
    }));
    expect(metrics.arrived).toBe(8_000);
    expect(metrics.served + metrics.dropped + metrics.failed).toBe(8_000);
  });

  it('stops sending at durationMs', () => {
    const decisions = routes({ ...poissonScenario('random', servers(2), 0.5, 1), requests: undefined, durationMs: 200 });
    expect(decisions.length).toBeGreaterThan(100);
    expect(decisions.at(-1)!.atMs).toBeLessThanOrEqual(200);
  });
});

describe('failures', () => {
  const scenario: Scenario = {
    ...poissonScenario('round-robin', servers(3, { weight: 1, capacity: 4 }), 0.8, 6_000),
    cost: { distribution: 'exponential', meanMs: 10 },
    failures: [
      { atMs: 300, server: 1, kind: 'crash' },
      { atMs: 600, server: 1, kind: 'recover' },
    ],
  };

  it('sends a crashed server nothing until it recovers', () => {
    const toB = routes(scenario).filter((decision) => decision.server === 'b');
    expect(toB.some((decision) => decision.atMs < 300)).toBe(true);
    expect(toB.filter((decision) => decision.atMs >= 300 && decision.atMs < 600)).toEqual([]);
    expect(toB.some((decision) => decision.atMs >= 600)).toBe(true);
  });

  it('counts the requests a crashed server held as failed', () => {
    const simulation = createSimulation(defineScenario(scenario));
    const beforeCrash = simulation.step(299.999).servers[1]!;
    simulation.step(Infinity);
    expect(beforeCrash.inService + beforeCrash.queued).toBeGreaterThan(0);
    expect(simulation.metrics().servers[1]!.failed).toBe(beforeCrash.inService + beforeCrash.queued);
  });

  it('drops requests for want of a backend while every server is down', () => {
    const metrics = runSimulation(defineScenario({ ...scenario, failures: [0, 1, 2].map((server) => ({ atMs: 300, server, kind: 'crash' as const })) }));
    expect(metrics.noBackend).toBeGreaterThan(0);
    expect(metrics.served + metrics.dropped + metrics.failed).toBe(6_000);
  });
});

describe('clients', () => {
  it('ip-hash sends every client behind one NAT address to the same server; a session-key hash spreads them', () => {
    const scenario = { ...poissonScenario('ip-hash', servers(4, { weight: 1, capacity: 8 }), 0.2, 2_000), clients: { count: 200, natGroups: 1 } };
    const busy = (algorithm: Scenario['algorithm']) => runSimulation(defineScenario({ ...scenario, algorithm })).servers.filter((server) => server.served > 0).length;
    expect(busy('ip-hash')).toBe(1);
    expect(busy('consistent-hash')).toBe(4);
  });
});
