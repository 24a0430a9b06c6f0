import { z } from 'zod';
import { ALGORITHM_NAMES } from '@/lib/balancers/registry';
import { defineScenario, type Scenario } from '@/lib/sim/scenario';
import { runSimulation } from '@/lib/sim/simulator';
import { predictMmc, responsePercentile } from './erlang-c';

/**
 * A utilisation sweep: the same fleet run again and again at rising offered load, to show how
 * latency bends upwards as the servers fill. Plain JSON, so a URL or a CLI flag can hold it.
 */
export const sweepSpecSchema = z
  .object({
    algorithm: z.enum(ALGORITHM_NAMES as [string, ...string[]]).transform((name) => name as (typeof ALGORITHM_NAMES)[number]),
    servers: z.number().int().min(1).max(32),
    workersPerServer: z.number().int().min(1).max(64),
    costMeanMs: z.number().positive().max(10_000),
    /** Measured requests per point; a tenth as many again run first as warm-up. */
    requestsPerPoint: z.number().int().min(1_000).max(2_000_000),
    seed: z.number().int(),
    /** Offered loads, each the share of the fleet's total worker capacity: 0.7 means 70% busy. */
    utilisations: z.array(z.number().gt(0).lt(1)).min(1).max(40),
  })
  .strict();

export type SweepSpec = z.infer<typeof sweepSpecSchema>;

/** What one point of the sweep measured, beside what M/M/c predicts for one queue over every worker. */
export interface SweepPoint {
  /** The offered load asked for. */
  utilisation: number;
  /** The workers' measured busy share, averaged over servers. */
  measuredUtilisation: number;
  p50Ms: number;
  p99Ms: number;
  meanWaitMs: number;
  /** Share of dropped requests (always 0: sweep servers have no queue limit). */
  droppedShare: number;
  theory: { p50Ms: number; p99Ms: number; meanWaitMs: number };
}

/**
 * The default sweep: four single-worker servers, 10 ms requests, least connections, 10% to 95% busy.
 * Few workers per queue is where the curve bends early; pooling many workers in one queue (raise
 * workersPerServer) pushes the knee towards 90%, which is the other half of the lesson.
 */
export const DEFAULT_SWEEP: SweepSpec = {
  algorithm: 'least-connections',
  servers: 4,
  workersPerServer: 1,
  costMeanMs: 10,
  requestsPerPoint: 40_000,
  seed: 1,
  utilisations: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
};

/** Offered loads from `from` to `to` in steps of `step` ("0.1:0.95:0.05"), or a comma-separated list ("0.5,0.7,0.9"). */
export function parseUtilisations(text: string): number[] | undefined {
  const range = /^\s*([\d.]+)\s*:\s*([\d.]+)\s*:\s*([\d.]+)\s*$/.exec(text);
  if (range) {
    const [from, to, step] = range.slice(1).map(Number) as [number, number, number];
    if (!(step > 0) || !(to >= from)) return undefined;
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    // Rounded so 0.1 + 0.2 reads as 0.3, not 0.30000000000000004.
    return Array.from({ length: count }, (_, index) => Math.round((from + index * step) * 1e6) / 1e6);
  }
  const values = text.split(',').map((part) => Number(part.trim()));
  return values.length > 0 && values.every((value) => Number.isFinite(value) && text.trim() !== '') ? values : undefined;
}

/** The scenario of one point: Poisson arrivals at `utilisation` of the fleet's capacity, exponential costs, no queue limit. */
export function sweepScenario(spec: SweepSpec, utilisation: number): Scenario {
  const workers = spec.servers * spec.workersPerServer;
  return {
    seed: spec.seed,
    algorithm: spec.algorithm,
    servers: Array.from({ length: spec.servers }, () => ({ weight: 1, capacity: spec.workersPerServer })),
    arrivals: { pattern: 'poisson', ratePerSecond: (utilisation * workers * 1000) / spec.costMeanMs },
    cost: { distribution: 'exponential', meanMs: spec.costMeanMs },
    requests: spec.requestsPerPoint + Math.ceil(spec.requestsPerPoint / 10),
    warmupRequests: Math.ceil(spec.requestsPerPoint / 10),
  };
}

/**
 * Runs one point. The theory line is M/M/c over ALL the fleet's workers behind one shared queue:
 * the floor no balancer in front of separate server queues can beat, which least connections comes
 * close to and random dispatch (each server its own M/M/c) falls well short of.
 */
export function runSweepPoint(spec: SweepSpec, utilisation: number): SweepPoint {
  const metrics = runSimulation(defineScenario(sweepScenario(spec, utilisation)));
  const queue = { workers: spec.servers * spec.workersPerServer, arrivalRate: (utilisation * spec.servers * spec.workersPerServer) / spec.costMeanMs, meanServiceMs: spec.costMeanMs };
  const busy = metrics.servers.reduce((sum, server) => sum + server.utilisation, 0) / metrics.servers.length;
  return {
    utilisation,
    measuredUtilisation: busy,
    p50Ms: metrics.latencyMs.p50,
    p99Ms: metrics.latencyMs.p99,
    meanWaitMs: metrics.meanWaitMs,
    droppedShare: metrics.arrived === 0 ? 0 : metrics.dropped / metrics.arrived,
    theory: { p50Ms: responsePercentile(queue, 0.5), p99Ms: responsePercentile(queue, 0.99), meanWaitMs: predictMmc(queue).meanWaitMs },
  };
}

/** Every point of the sweep, in the order of `spec.utilisations`. */
export function runSweep(spec: SweepSpec): SweepPoint[] {
  return spec.utilisations.map((utilisation) => runSweepPoint(spec, utilisation));
}

/** The lowest offered load at which the measured p99 is more than `factor` × its value at the lightest load: where the curve has bent. */
export function kneeOf(points: readonly SweepPoint[], factor = 2): number | undefined {
  const sorted = [...points].sort((a, b) => a.utilisation - b.utilisation);
  const base = sorted[0]?.p99Ms;
  return base === undefined ? undefined : sorted.find((point) => point.p99Ms > factor * base)?.utilisation;
}
