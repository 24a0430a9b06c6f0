import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, createBalancer } from '@/lib/balancers/registry';
import type { AlgorithmName } from '@/lib/balancers/types';
import { seededRandom } from '@/lib/random/seeded';
import { backends, pickRunArb, SEED } from './arbitraries';

/** Maglev rebuilds its 65,537-slot table whenever the usable set changes, which these runs do on almost every pick. */
const RUNS: Partial<Record<AlgorithmName, number>> = { maglev: 12 };

describe.each(ALGORITHM_NAMES)('%s, over any run of picks with backends going up and down', (name) => {
  it('never picks an unusable backend while a usable one exists, and picks nothing when none is usable', () => {
    fc.assert(
      fc.property(pickRunArb, ({ weights, steps, seed }) => {
        const balancer = createBalancer(name, seededRandom(seed));
        for (const { usable, active, request } of steps) {
          const view = backends(weights, usable, active);
          const picked = balancer.pick(view, request);
          if (!view.some((backend) => backend.usable)) expect(picked).toBeUndefined();
          else expect(view.find((backend) => backend.id === picked)?.usable).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS[name] ?? 150 },
    );
  });
});
