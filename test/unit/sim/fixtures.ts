import type { AlgorithmName } from '@/lib/balancers/types';
import { defineScenario, type Scenario, type ServerSpec, type ValidScenario } from '@/lib/sim/scenario';
import type { MetricsSummary } from '@/lib/sim/metrics';
import { findNamedScenario } from '@/lib/sim/named-scenarios';
import { runSimulation, type Simulation, type Snapshot } from '@/lib/sim/simulator';

/** `count` identical servers. */
export function servers(count: number, spec: ServerSpec = { weight: 1, capacity: 1 }): ServerSpec[] {
  return Array.from({ length: count }, () => ({ ...spec }));
}

/** A Poisson scenario with exponential 1 ms requests at utilisation `load` of the servers' total capacity. */
export function poissonScenario(algorithm: AlgorithmName, pool: ServerSpec[], load: number, requests: number, overrides: Partial<Scenario> = {}): ValidScenario {
  const capacity = pool.reduce((sum, server) => sum + server.capacity, 0);
  return defineScenario({
    seed: 1,
    algorithm,
    servers: pool,
    arrivals: { pattern: 'poisson', ratePerSecond: load * capacity * 1000 },
    cost: { distribution: 'exponential', meanMs: 1 },
    requests,
    ...overrides,
  });
}

/** Steps `simulation` to `untilMs` and returns the snapshot. */
export const at = (simulation: Simulation, untilMs: number): Snapshot => simulation.step(untilMs);

/** How many requests the run routed to each server, by id, from one step's snapshot. */
export const routedById = (snapshot: Snapshot): Record<string, number> => Object.fromEntries(snapshot.servers.map((server) => [server.id, server.routed]));

/** Variant `variant` (from 0) of the named scenario `id`. */
export function scenarioOf(id: string, variant: number): ValidScenario {
  const named = findNamedScenario(id);
  if (!named?.variants[variant]) throw new Error(`no variant ${variant} of ${id}`);
  return named.variants[variant].scenario;
}

const results = new Map<string, MetricsSummary>();
/** The metrics of one variant of a named scenario, run once per test file. */
export function metricsOf(id: string, variant: number): MetricsSummary {
  const key = `${id}:${variant}`;
  if (!results.has(key)) results.set(key, runSimulation(scenarioOf(id, variant)));
  return results.get(key)!;
}
