import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBalancer } from '@/lib/balancers/registry';
import type { AlgorithmName } from '@/lib/balancers/types';
import { seededRandom } from '@/lib/random/seeded';
import { backends, requestArb, SEED, weightsArb } from './arbitraries';

const HASHING: AlgorithmName[] = ['hash-mod-n', 'ip-hash', 'consistent-hash', 'maglev'];
// Each Maglev instance builds a 65,537-slot table, so it gets fewer runs.

describe.each(HASHING)('%s', (name) => {
  it('sends the same request to the same backend, whatever came in between, while the pool stays the same', () => {
    fc.assert(
      fc.property(weightsArb(), fc.array(requestArb, { minLength: 1, maxLength: 40 }), (weights, requests) => {
        const balancer = createBalancer(name, seededRandom(1));
        const view = backends(weights);
        const first = requests.map((request) => balancer.pick(view, request));
        const again = [...requests].reverse().map((request) => balancer.pick(view, request)).reverse();
        expect(again).toEqual(first);
        // A second instance, with none of the first one's history, agrees too.
        const fresh = createBalancer(name, seededRandom(2));
        expect(requests.map((request) => fresh.pick(view, request))).toEqual(first);
      }),
      { seed: SEED, numRuns: name === 'maglev' ? 10 : 100 },
    );
  });
});
