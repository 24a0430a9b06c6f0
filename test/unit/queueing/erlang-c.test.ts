import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, predictMmc, responsePercentile, responseTail } from '@/lib/queueing/erlang-c';

// Published values: lb-algorithms.md §10 (Erlang C table, service time 1), Kleinrock's M/M/1 closed
// forms, and the Erlang B table value B(10 workers, 5 Erlangs) = 0.018385.
const TABLE: [workers: number, rho: number, waitProbability: number | undefined, meanWait: number][] = [
  [2, 0.5, 0.3333, 0.3333],
  [2, 0.8, 0.7111, 1.7778],
  [2, 0.95, 0.9256, 9.2564],
  [4, 0.5, 0.1739, 0.087],
  [4, 0.8, 0.5964, 0.7455],
  [4, 0.9, 0.7878, 1.9694],
  [8, 0.8, 0.4576, 0.286],
  [8, 0.9, 0.7015, 0.8769],
  [8, 0.95, 0.8442, 2.1104],
  [16, 0.8, undefined, 0.0953],
  [16, 0.95, undefined, 0.9752],
];

describe('Erlang B and C', () => {
  it('matches the Erlang B table: 10 workers offered 5 Erlangs block 1.84%', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6);
  });

  it.each(TABLE)('M/M/%i at ρ = %f waits with P = %s and mean Wq = %f', (workers, rho, waitProbability, meanWait) => {
    const prediction = predictMmc({ workers, arrivalRate: workers * rho, meanServiceMs: 1 });
    if (waitProbability !== undefined) expect(prediction.waitProbability).toBeCloseTo(waitProbability, 4);
    expect(prediction.meanWaitMs).toBeCloseTo(meanWait, 4);
    expect(prediction.meanResponseMs).toBeCloseTo(meanWait + 1, 4);
  });

  it('is M/M/1 at one worker: P(wait) = ρ, Wq = ρ/(1−ρ) service times', () => {
    const prediction = predictMmc({ workers: 1, arrivalRate: 0.08, meanServiceMs: 10 });
    expect(prediction.waitProbability).toBeCloseTo(0.8, 12);
    expect(prediction.meanWaitMs).toBeCloseTo(40, 9);
  });

  it('stays finite and exact for a thousand workers, where a^c/c! overflows a double', () => {
    const c = erlangC(1_000, 980);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    // Halfin–Whitt: with β = (c − a)/√a ≈ 0.639, P(wait) ≈ [1 + β·Φ(β)/φ(β)]⁻¹ ≈ 0.4; the exact value is close to it.
    expect(c).toBeGreaterThan(0.35);
    expect(c).toBeLessThan(0.45);
  });

  it('refuses an unstable queue', () => {
    expect(() => predictMmc({ workers: 2, arrivalRate: 2, meanServiceMs: 1 })).toThrow(RangeError);
  });
});

describe('M/M/c response-time percentiles', () => {
  it('M/M/1 response time is exponential at μ − λ: p99 = ln(100)/(1 − ρ), §10 table', () => {
    for (const [rho, p99] of [
      [0.5, 9.21],
      [0.8, 23.03],
      [0.9, 46.05],
      [0.95, 92.1],
    ] as const) {
      expect(responsePercentile({ workers: 1, arrivalRate: rho, meanServiceMs: 1 }, 0.99)).toBeCloseTo(p99, 1);
    }
  });

  it('with no queueing the response is the service time: p50 = ln 2 service times', () => {
    expect(responsePercentile({ workers: 64, arrivalRate: 0.001, meanServiceMs: 10 }, 0.5)).toBeCloseTo(10 * Math.LN2, 3);
  });

  it('has a tail that starts at 1 and falls, through the θ = μ case too', () => {
    const queue = { workers: 2, arrivalRate: 1, meanServiceMs: 1 }; // θ = 2 − 1 = μ
    expect(responseTail(queue, 0)).toBeCloseTo(1, 12);
    expect(responseTail(queue, 1)).toBeLessThan(responseTail(queue, 0.5));
    expect(responseTail(queue, 1)).toBeCloseTo(responseTail({ ...queue, arrivalRate: 1 + 1e-7 }, 1), 5);
  });
});
