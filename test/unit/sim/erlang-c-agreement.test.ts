import { describe, expect, it } from 'vitest';
import { predictMmc } from '@/lib/queueing/erlang-c';
import { createSimulation } from '@/lib/sim/simulator';
import { poissonScenario, servers } from './fixtures';

// M/M/c in this engine is ONE server with `capacity: c` and no queue limit: c workers take requests
// from that server's single FIFO queue, which is exactly "c identical workers behind one queue". (c
// separate servers behind a balancer would be c queues, a different system; see queueing-theory.test.ts.)
//
// What is compared: the run's measured mean wait and share of requests that waited, against Erlang C
// at the load the run actually drew (its mean service time and arrival rate). The draws' own noise
// is not what this checks: 10⁶ exponential service times average 1 ± 0.1%, and at ρ = 0.7 Wq moves
// about eight times as much as the load does, so against the nominal load a correct queue could miss
// by 2% on sampling alone. The drawn load is itself checked to be within 0.3% of the nominal one.
const WARMUP = 20_000;
const MEASURED = 1_000_000;

/** The run's mean wait and P(wait), and the load it actually drew: mean service time and arrival rate. */
function simulateMmc(workers: number, rho: number) {
  let firstMs = NaN;
  let lastMs = NaN;
  const scenario = poissonScenario('round-robin', servers(1, { weight: 1, capacity: workers }), rho, WARMUP + MEASURED, { warmupRequests: WARMUP, clients: { count: 1 } });
  const simulation = createSimulation(scenario, {
    onRoute: ({ request, atMs }) => {
      if (request === WARMUP + 1) firstMs = atMs;
      lastMs = atMs;
    },
  });
  simulation.step(Infinity);
  const metrics = simulation.metrics();
  return {
    meanWaitMs: metrics.meanWaitMs,
    waitedShare: metrics.waitedShare,
    meanServiceMs: metrics.latencyMs.mean - metrics.meanWaitMs,
    arrivalRate: (MEASURED - 1) / (lastMs - firstMs),
  };
}

const relativeError = (measured: number, expected: number) => Math.abs(measured / expected - 1);

describe('the simulator against Erlang C (M/M/c, one queue, c workers)', () => {
  it.each([
    [2, 0.5],
    [4, 0.7],
    [8, 0.85],
  ])('M/M/%i at ρ = %f: mean wait and P(wait) within 2%', (workers, rho) => {
    const run = simulateMmc(workers, rho);
    expect(relativeError(run.meanServiceMs, 1)).toBeLessThan(0.003);
    expect(relativeError(run.arrivalRate, workers * rho)).toBeLessThan(0.003);
    const theory = predictMmc({ workers, arrivalRate: run.arrivalRate, meanServiceMs: run.meanServiceMs });
    expect(relativeError(run.waitedShare, theory.waitProbability)).toBeLessThan(0.02);
    expect(relativeError(run.meanWaitMs, theory.meanWaitMs)).toBeLessThan(0.02);
  });
});
