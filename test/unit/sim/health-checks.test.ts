import { describe, expect, it } from 'vitest';
import { defineScenario, type HealthCheckSpec, type Scenario } from '@/lib/sim/scenario';
import { createSimulation, runSimulation, type Simulation } from '@/lib/sim/simulator';
import { poissonScenario, servers } from './fixtures';

const CHECKS: HealthCheckSpec = { intervalMs: 1_000, timeoutMs: 200, rise: 2, fall: 3 };
const CRASH_MS = 5_100;

const scenario = (healthCheck?: HealthCheckSpec): Scenario => ({
  ...poissonScenario('round-robin', servers(3, { weight: 1, capacity: 4 }), 0.5, 1),
  // 12 workers × 100 requests/s each at half load.
  arrivals: { pattern: 'poisson', ratePerSecond: 600 },
  cost: { distribution: 'constant', meanMs: 10 },
  requests: undefined,
  durationMs: 20_000,
  failures: [{ atMs: CRASH_MS, server: 1, kind: 'crash' }],
  ...(healthCheck ? { healthCheck } : {}),
});

/** The first time, stepping `stepMs` at a time, that server b's checked health equals `healthy`. */
function whenBelieved(simulation: Simulation, healthy: boolean, fromMs: number, stepMs = 10): number {
  for (let t = fromMs; t < 60_000; t += stepMs) if (simulation.step(t).servers[1]!.checkedHealthy === healthy) return t;
  throw new Error(`server b never became ${healthy ? 'healthy' : 'unhealthy'}`);
}

describe('health checks on the simulated clock', () => {
  it('without checks, the balancer knows at once: only what the server held fails', () => {
    const simulation = createSimulation(defineScenario(scenario()));
    const held = simulation.step(CRASH_MS - 0.001).servers[1]!;
    expect(simulation.step(CRASH_MS).servers[1]!.checkedHealthy).toBe(false);
    simulation.step(Infinity);
    expect(simulation.metrics().servers[1]!.failed).toBe(held.inService + held.queued);
  });

  it('with checks, the balancer keeps sending to the crashed server until fall checks have failed, and those requests fail', () => {
    const simulation = createSimulation(defineScenario(scenario(CHECKS)));
    simulation.step(CRASH_MS);
    const markedDownAt = whenBelieved(simulation, false, CRASH_MS);
    // HAProxy: a fully UP server goes DOWN on the 3rd failed check in a row, each taking the timeout.
    expect(markedDownAt - CRASH_MS).toBeGreaterThan((CHECKS.fall - 1) * CHECKS.intervalMs);
    expect(markedDownAt - CRASH_MS).toBeLessThanOrEqual(CHECKS.fall * (CHECKS.intervalMs + CHECKS.timeoutMs) + 10);
    simulation.step(Infinity);
    // Round robin kept sending b a third of 600 req/s for over 2 s after the crash: all refused.
    expect(simulation.metrics().servers[1]!.failed).toBeGreaterThan(300);
  });

  it('a recovered server rejoins only after rise good checks in a row', () => {
    const rejoinDelay = (rise: number) => {
      const recoverMs = 12_000;
      const simulation = createSimulation(defineScenario({ ...scenario({ ...CHECKS, rise }), failures: [...scenario().failures!, { atMs: recoverMs, server: 1, kind: 'recover' }] }));
      simulation.step(recoverMs);
      expect(simulation.step(recoverMs).servers[1]).toMatchObject({ state: 'up', checkedHealthy: false });
      return whenBelieved(simulation, true, recoverMs) - recoverMs;
    };
    const quick = rejoinDelay(1);
    const slow = rejoinDelay(4);
    expect(quick).toBeLessThanOrEqual(CHECKS.intervalMs + 10);
    expect(slow - quick).toBeGreaterThanOrEqual(3 * CHECKS.intervalMs - 10);
  });

  it('sends nothing to a server the checks call down, even once it is up again', () => {
    const simulation = createSimulation(defineScenario({ ...scenario({ ...CHECKS, rise: 5 }), failures: [...scenario().failures!, { atMs: 9_000, server: 1, kind: 'recover' }] }));
    simulation.step(9_000);
    expect(simulation.step(11_000).servers[1]).toMatchObject({ state: 'up', checkedHealthy: false, routed: 0 });
  });

  it('a server added at run time takes requests only after passing a check', () => {
    const simulation = createSimulation(defineScenario(scenario(CHECKS)));
    simulation.step(1_000);
    simulation.command({ kind: 'add-server', spec: { weight: 1, capacity: 4 } });
    expect(simulation.step(1_900).servers[3]).toMatchObject({ state: 'up', checkedHealthy: false, routed: 0 });
    simulation.step(2_010);
    expect(simulation.step(3_000).servers[3]!.checkedHealthy).toBe(true);
    expect(simulation.step(3_500).servers[3]!.routed).toBeGreaterThan(0);
  });

  it('never keeps a run going on its own: the run ends when the last request does', () => {
    const metrics = runSimulation(defineScenario({ ...scenario(CHECKS), failures: [] }));
    expect(metrics.simulatedMs).toBeGreaterThanOrEqual(20_000);
    expect(metrics.simulatedMs).toBeLessThan(20_100);
  });
});
