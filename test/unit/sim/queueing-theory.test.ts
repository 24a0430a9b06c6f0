import { describe, expect, it } from 'vitest';
import { predictMmc } from '@/lib/queueing/erlang-c';
import { runSimulation } from '@/lib/sim/simulator';
import { poissonScenario, servers } from './fixtures';

// Units as in lb-algorithms.md §10: mean service time 1 ms, so W and Wq read in service times.
// Seeded, so each check is exact to repeat; tolerances follow §10 (means ±5%, p99 ±10%).

/** Erlang C: the mean wait in queue of M/M/c at per-server utilisation ρ, service rate 1. */
const erlangCWait = (c: number, rho: number) => predictMmc({ workers: c, arrivalRate: c * rho, meanServiceMs: 1 }).meanWaitMs;

const relativeError = (measured: number, expected: number) => Math.abs(measured / expected - 1);

describe('queueing theory (lb-algorithms.md §10)', () => {
  it('M/M/1 at ρ = 0.8 has mean response W = 1/(1−ρ) = 5 and p99 = ln(100)·W ≈ 23.0', () => {
    const metrics = runSimulation(poissonScenario('round-robin', servers(1), 0.8, 450_000, { warmupRequests: 50_000 }));
    expect(relativeError(metrics.latencyMs.mean, 5)).toBeLessThan(0.05);
    expect(relativeError(metrics.latencyMs.p99, Math.log(100) * 5)).toBeLessThan(0.1);
  });

  it('M/M/4 (one server serving 4 at once) at ρ = 0.8 has the Erlang C queue wait Wq ≈ 0.7455', () => {
    expect(erlangCWait(4, 0.8)).toBeCloseTo(0.7455, 4);
    const metrics = runSimulation(poissonScenario('round-robin', servers(1, { weight: 1, capacity: 4 }), 0.8, 450_000, { warmupRequests: 50_000 }));
    expect(relativeError(metrics.meanWaitMs, erlangCWait(4, 0.8))).toBeLessThan(0.05);
  });

  it('at ρ = 0.9 over 24 servers, power of two and least connections cut p99 far below random', () => {
    const p99 = (algorithm: 'random' | 'power-of-two' | 'least-connections') =>
      runSimulation(poissonScenario(algorithm, servers(24), 0.9, 150_000, { warmupRequests: 30_000 })).latencyMs.p99;
    const random = p99('random');
    const powerOfTwo = p99('power-of-two');
    const leastConnections = p99('least-connections');
    // Random dispatch makes each server its own M/M/1: p99 ≈ ln(100)/(1−ρ) ≈ 46.
    expect(random).toBeGreaterThan(40);
    expect(powerOfTwo).toBeLessThan(random / 3);
    expect(leastConnections).toBeLessThan(powerOfTwo);
  });

  it('at ρ = 0.9 over 8 servers, random matches M/M/1 and least connections < power of two < round robin < random on p99', () => {
    const run = (algorithm: 'random' | 'round-robin' | 'power-of-two' | 'least-connections') =>
      runSimulation(poissonScenario(algorithm, servers(8), 0.9, 200_000, { warmupRequests: 40_000 })).latencyMs;
    const random = run('random');
    const roundRobin = run('round-robin');
    const powerOfTwo = run('power-of-two');
    const leastConnections = run('least-connections');
    // Random dispatch makes each server an M/M/1 queue: W = 1/(1−ρ) = 10 service times.
    expect(relativeError(random.mean, 10)).toBeLessThan(0.1);
    expect(roundRobin.p99).toBeLessThan(random.p99 * 0.75);
    expect(powerOfTwo.p99).toBeLessThan(roundRobin.p99 * 0.6);
    expect(leastConnections.p99).toBeLessThan(powerOfTwo.p99);
  });
});
