import { describe, expect, it } from 'vitest';
import { createPowerOfTwo } from '@/lib/balancers/power-of-two';
import { createRandom } from '@/lib/balancers/random';
import { seededRandom } from '@/lib/random/seeded';
import { markDown, pool } from './fixtures';

function counts(picks: (string | undefined)[]): Record<string, number> {
  return picks.reduce<Record<string, number>>((tally, id) => ({ ...tally, [id ?? '-']: (tally[id ?? '-'] ?? 0) + 1 }), {});
}

describe('seeded randomness', () => {
  it('replays exactly for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('weighted random', () => {
  it('shares traffic in proportion to the weights (within 2% over 30,000 picks)', () => {
    const balancer = createRandom(seededRandom(1));
    const tally = counts(Array.from({ length: 30_000 }, () => balancer.pick(pool(5, 3, 2))));
    expect(tally.a! / 30_000).toBeCloseTo(0.5, 1);
    expect(Math.abs(tally.b! / 30_000 - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(tally.c! / 30_000 - 0.2)).toBeLessThan(0.02);
  });

  it('never picks a backend that is down', () => {
    const balancer = createRandom(seededRandom(2));
    expect(counts(Array.from({ length: 1000 }, () => balancer.pick(markDown(pool(1, 1, 1), 'b')))).b).toBeUndefined();
  });
});

describe('power of two random choices (Envoy least request, §6)', () => {
  it('sends an idle server about 5/9 of traffic when the other two are busy (two draws with replacement)', () => {
    const backends = pool(1, 1, 1);
    backends[1]!.activeConnections = 10;
    backends[2]!.activeConnections = 10;
    const balancer = createPowerOfTwo(seededRandom(3));
    const tally = counts(Array.from({ length: 30_000 }, () => balancer.pick(backends)));
    // The busy pair wins only if both draws land on it: (2/3)^2 = 4/9.
    expect(Math.abs(tally.a! / 30_000 - 5 / 9)).toBeLessThan(0.02);
  });

  it('never picks a backend that is down, and returns nothing when all are', () => {
    const balancer = createPowerOfTwo(seededRandom(4));
    expect(counts(Array.from({ length: 1000 }, () => balancer.pick(markDown(pool(1, 1), 'a')))).a).toBeUndefined();
    expect(balancer.pick(markDown(markDown(pool(1, 1), 'a'), 'b'))).toBeUndefined();
  });
});
