import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random/seeded';
import { createArrivalClock } from '@/lib/sim/arrivals';
import { clientAddress, createClientPool } from '@/lib/sim/clients';
import { createCostSampler } from '@/lib/sim/cost';
import type { ArrivalSpec } from '@/lib/sim/scenario';

/** Arrival times up to `untilMs`. */
function arrivals(spec: ArrivalSpec, untilMs: number): number[] {
  const next = createArrivalClock(spec, seededRandom(1));
  const times: number[] = [];
  for (let t = next(); t < untilMs; t = next()) times.push(t);
  return times;
}

const countBetween = (times: number[], from: number, to: number) => times.filter((t) => t >= from && t < to).length;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Asserts `actual` is within `tolerance` (a fraction) of `expected`: Poisson counts are noisy by √n. */
function expectNear(actual: number, expected: number, tolerance = 0.05): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tolerance);
}

describe('arrival patterns', () => {
  it('poisson sends about ratePerSecond requests each second', () => {
    expectNear(arrivals({ pattern: 'poisson', ratePerSecond: 2000 }, 10_000).length / 10, 2000);
  });

  it('burst sends requests in groups at the same instant, at the same mean rate', () => {
    const times = arrivals({ pattern: 'burst', ratePerSecond: 2000, burstSize: 10 }, 10_000);
    expect(new Set(times).size * 10).toBe(times.length);
    expectNear(times.length / 10, 2000);
  });

  it('spike multiplies the rate during its window only', () => {
    const times = arrivals({ pattern: 'spike', ratePerSecond: 1000, spikeAtMs: 2000, spikeDurationMs: 1000, spikeMultiplier: 5 }, 4000);
    expectNear(countBetween(times, 1000, 2000), 1000);
    expectNear(countBetween(times, 2000, 3000), 5000);
    expectNear(countBetween(times, 3000, 4000), 1000);
  });

  it('ramp climbs linearly, then holds the target rate', () => {
    const times = arrivals({ pattern: 'ramp', ratePerSecond: 4000, fromRatePerSecond: 0, rampMs: 2000 }, 3000);
    expectNear(countBetween(times, 0, 1000), 1000);
    expectNear(countBetween(times, 1000, 2000), 3000);
    expectNear(countBetween(times, 2000, 3000), 4000);
  });
});

describe('request cost', () => {
  const samples = (distribution: 'constant' | 'exponential' | 'heavy-tailed', count: number) => {
    const draw = createCostSampler({ distribution, meanMs: 10 }, seededRandom(2));
    return Array.from({ length: count }, draw);
  };

  it('constant cost is always the mean', () => {
    expect(new Set(samples('constant', 100))).toEqual(new Set([10]));
  });

  it('exponential cost has the requested mean', () => {
    expectNear(mean(samples('exponential', 100_000)), 10, 0.02);
  });

  it('heavy-tailed cost has the requested mean, but most requests are cheap and a few are huge', () => {
    const costs = samples('heavy-tailed', 400_000).sort((a, b) => a - b);
    expectNear(mean(costs), 10, 0.1);
    expect(costs[costs.length / 2]!).toBeLessThan(6);
    expect(costs.at(-1)!).toBeGreaterThan(1000);
  });
});

describe('clients', () => {
  it('puts consecutive clients in different /24 networks of the benchmarking range, so ip_hash can tell them apart', () => {
    expect([0, 1, 2, 511, 512].map(clientAddress)).toEqual(['198.18.0.1', '198.18.1.1', '198.18.2.1', '198.19.255.1', '198.18.0.2']);
  });

  it('behind NAT, clients share addresses but keep their own session keys', () => {
    const pool = createClientPool({ count: 6, natGroups: 2 });
    expect(new Set(pool.addresses).size).toBe(2);
    expect(new Set(pool.sessionKeys).size).toBe(6);
  });
});
