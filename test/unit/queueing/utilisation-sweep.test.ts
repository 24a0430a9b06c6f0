import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP, kneeOf, parseUtilisations, runSweep, sweepScenario, sweepSpecSchema } from '@/lib/queueing/utilisation-sweep';

describe('parsing the offered loads of a sweep', () => {
  it('reads a from:to:step range, rounded to the step', () => {
    expect(parseUtilisations('0.1:0.5:0.1')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(parseUtilisations('0.5:0.95:0.15')).toEqual([0.5, 0.65, 0.8, 0.95]);
  });

  it('reads a comma-separated list', () => {
    expect(parseUtilisations('0.5, 0.7,0.9')).toEqual([0.5, 0.7, 0.9]);
  });

  it('refuses what is neither', () => {
    expect(parseUtilisations('')).toBeUndefined();
    expect(parseUtilisations('0.5:0.1:0.1')).toBeUndefined();
    expect(parseUtilisations('0.5:0.9:0')).toBeUndefined();
    expect(parseUtilisations('half')).toBeUndefined();
  });
});

describe('the sweep spec', () => {
  it('accepts the default and refuses loads at or past 100%, unknown algorithms and stray fields', () => {
    expect(sweepSpecSchema.safeParse(DEFAULT_SWEEP).success).toBe(true);
    expect(sweepSpecSchema.safeParse({ ...DEFAULT_SWEEP, utilisations: [0.5, 1] }).success).toBe(false);
    expect(sweepSpecSchema.safeParse({ ...DEFAULT_SWEEP, algorithm: 'fastest' }).success).toBe(false);
    expect(sweepSpecSchema.safeParse({ ...DEFAULT_SWEEP, colour: 'red' }).success).toBe(false);
  });

  it('offers each point the asked share of the fleet’s worker capacity', () => {
    const scenario = sweepScenario({ ...DEFAULT_SWEEP, servers: 4, workersPerServer: 2, costMeanMs: 10 }, 0.7);
    // 8 workers × 100 req/s each × 0.7
    expect(scenario.arrivals.ratePerSecond).toBeCloseTo(560, 9);
    expect(scenario.servers).toHaveLength(4);
    expect(scenario.servers.every((server) => server.queueLimit === undefined)).toBe(true);
  });
});

describe('a utilisation sweep of four single-worker servers', () => {
  const points = runSweep({ ...DEFAULT_SWEEP, utilisations: [0.1, 0.5, 0.7, 0.9], requestsPerPoint: 30_000 });
  const at = (utilisation: number) => points.find((point) => point.utilisation === utilisation)!;

  it('keeps the servers as busy as offered', () => {
    for (const point of points) expect(Math.abs(point.measuredUtilisation - point.utilisation)).toBeLessThan(0.02);
  });

  it('matches M/M/c at light load, where no balancer has anything to fix', () => {
    expect(Math.abs(at(0.1).p50Ms / at(0.1).theory.p50Ms - 1)).toBeLessThan(0.05);
    expect(Math.abs(at(0.1).p99Ms / at(0.1).theory.p99Ms - 1)).toBeLessThan(0.05);
  });

  it('bends upwards: p99 at 90% busy is more than twice p99 at 50%, and the theory line agrees', () => {
    expect(at(0.9).p99Ms).toBeGreaterThan(2 * at(0.5).p99Ms);
    expect(at(0.9).theory.p99Ms).toBeGreaterThan(2 * at(0.5).theory.p99Ms);
    expect(points.map((point) => point.p99Ms)).toEqual([...points.map((point) => point.p99Ms)].sort((a, b) => a - b));
    expect(kneeOf(points)).toBe(0.9);
  });
});
