import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jumpHash } from '@/lib/balancers/jump-hash';
import { createBalancer } from '@/lib/balancers/registry';
import { shareRemapped } from '@/lib/balancers/remap';
import { backendId, type AlgorithmName, type BackendView } from '@/lib/balancers/types';
import { seededRandom } from '@/lib/random/seeded';
import { SEED, serverNamesArb } from './arbitraries';

const KEYS = Array.from({ length: 2_000 }, (_, i) => `session-${i}`);
// Ring and table shares are uneven, so a new server may take somewhat more than its 1/(N+1).
const SLACK = 0.05;

const named = (names: readonly string[]): BackendView[] => names.map((name) => ({ id: backendId(name), weight: 1, usable: true, activeConnections: 0 }));
const assignment = (name: AlgorithmName, view: readonly BackendView[]) => {
  const balancer = createBalancer(name, seededRandom(1));
  return (key: string) => balancer.pick(view, { key });
};

/** N servers, then the same N plus one more, for N from `min` to 9. */
const growthArb = (min: number) => fc.integer({ min, max: 9 }).chain((n) => serverNamesArb(n + 1));

// Fewer runs for Maglev: each builds two 65,537-slot tables.
describe.each(['consistent-hash', 'maglev'] as const)('%s, adding a server to N', (name) => {
  it('moves about 1/(N+1) of the keys: more than half that, less than 2/(N+1)', () => {
    fc.assert(
      fc.property(growthArb(2), (names) => {
        const n = names.length - 1;
        const moved = shareRemapped(assignment(name, named(names.slice(0, n))), assignment(name, named(names)), KEYS);
        expect(moved).toBeLessThan(2 / (n + 1) + SLACK);
        expect(moved).toBeGreaterThan(0.5 / (n + 1));
      }),
      { seed: SEED, numRuns: name === 'maglev' ? 10 : 30 },
    );
  });
});

describe('consistent-hash (ketama ring)', () => {
  it('moves keys only onto the new server, never between the old ones', () => {
    fc.assert(
      fc.property(growthArb(1), (names) => {
        const before = assignment('consistent-hash', named(names.slice(0, -1)));
        const after = assignment('consistent-hash', named(names));
        expect(KEYS.filter((key) => before(key) !== after(key) && after(key) !== names.at(-1))).toEqual([]);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});

describe('hash-mod-n, adding a server to N ≥ 3', () => {
  it('moves far more than half of the keys (N/(N+1) in theory)', () => {
    fc.assert(
      fc.property(growthArb(3), (names) => {
        const n = names.length - 1;
        expect(shareRemapped(assignment('hash-mod-n', named(names.slice(0, n))), assignment('hash-mod-n', named(names)), KEYS)).toBeGreaterThan(0.5);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});

// Jump hash is not in the registry (it can only grow or shrink at the end); its function is checked directly.
describe('jumpHash, going from N to N+1 buckets', () => {
  it('moves about 1/(N+1) of the keys, all of them into the new bucket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { minLength: 2_000, maxLength: 2_000 }), (n, keys) => {
        const moved = keys.filter((key) => jumpHash(key, n) !== jumpHash(key, n + 1));
        expect(moved.every((key) => jumpHash(key, n + 1) === n)).toBe(true);
        expect(moved.length / keys.length).toBeLessThan(2 / (n + 1) + SLACK);
        expect(moved.length / keys.length).toBeGreaterThan(0.5 / (n + 1) - SLACK);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
