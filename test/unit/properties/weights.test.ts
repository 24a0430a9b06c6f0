import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBalancer } from '@/lib/balancers/registry';
import type { AlgorithmName, Balancer, BackendView } from '@/lib/balancers/types';
import { seededRandom } from '@/lib/random/seeded';
import { backends, SEED, weightsArb } from './arbitraries';

const sum = (numbers: readonly number[]) => numbers.reduce((a, b) => a + b, 0);

/** How many of `picks` picks went to each backend, in config order. */
function tally(balancer: Balancer, view: readonly BackendView[], picks: number): number[] {
  const counts = new Map(view.map((backend) => [backend.id as string, 0]));
  for (let i = 0; i < picks; i++) {
    const id = balancer.pick(view) ?? 'none';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return view.map((backend) => counts.get(backend.id) ?? 0);
}

// least-connections with every connection released ties everywhere, and nginx breaks ties by smooth WRR.
const EXACT: AlgorithmName[] = ['weighted-round-robin', 'interleaved-weighted-round-robin', 'least-connections'];

describe.each(EXACT)('%s', (name) => {
  it('gives each backend exactly its weight in any window of sum(weights) picks', () => {
    fc.assert(
      fc.property(weightsArb(), fc.nat({ max: 60 }), (weights, warmUp) => {
        const balancer = createBalancer(name, seededRandom(1));
        const view = backends(weights);
        tally(balancer, view, warmUp);
        expect(tally(balancer, view, sum(weights))).toEqual(weights);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('randomised algorithms, over 20,000 picks from a fixed seed', () => {
  const PICKS = 20_000;
  // 0.02 is over five standard deviations of a share estimated from 20,000 draws.
  const TOLERANCE = 0.02;

  it('random: shares follow the weights', () => {
    fc.assert(
      fc.property(weightsArb(5), fc.nat(), (weights, seed) => {
        const counts = tally(createBalancer('random', seededRandom(seed)), backends(weights), PICKS);
        counts.forEach((count, i) => expect(Math.abs(count / PICKS - weights[i]! / sum(weights))).toBeLessThan(TOLERANCE));
      }),
      { seed: SEED, numRuns: 15 },
    );
  });

  it('power-of-two: idle backends share equally, since it samples uniformly and ignores weights (Envoy P2C with equal weights)', () => {
    fc.assert(
      fc.property(weightsArb(5), fc.nat(), (weights, seed) => {
        const counts = tally(createBalancer('power-of-two', seededRandom(seed)), backends(weights), PICKS);
        counts.forEach((count) => expect(Math.abs(count / PICKS - 1 / weights.length)).toBeLessThan(TOLERANCE));
      }),
      { seed: SEED, numRuns: 15 },
    );
  });
});
