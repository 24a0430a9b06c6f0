import { describe, expect, it } from 'vitest';
import { createInterleavedWeightedRoundRobin } from '@/lib/balancers/interleaved-weighted-round-robin';
import { createWeightedRoundRobin } from '@/lib/balancers/weighted-round-robin';
import { seededRandom } from '@/lib/random/seeded';
import { markDown, pool, sequence } from './fixtures';

describe('nginx smooth weighted round robin (lb-algorithms §2.1, observed on nginx 1.31.5)', () => {
  it.each([
    [[5, 1, 1], 'a a b a c a a'],
    [[4, 2, 1], 'a b a c a b a'],
    [[3, 2], 'a b a b a'],
    [[2, 3, 4], 'c b a c b c a b c'],
    [[1, 1, 1], 'a b c'],
  ])('weights %j give %s per period', (weights, expected) => {
    const balancer = createWeightedRoundRobin();
    const period = expected.split(' ').length;
    expect(sequence(balancer, pool(...weights), period)).toBe(expected);
    expect(sequence(balancer, pool(...weights), period)).toBe(expected);
  });

  it('serves b and c in turn while a (weight 5) is down', () => {
    expect(sequence(createWeightedRoundRobin(), markDown(pool(5, 1, 1), 'a'), 4)).toBe('b c b c');
  });

  it('respects the weights over any whole number of periods, for random weight sets', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 50; trial += 1) {
      const weights = Array.from({ length: 2 + Math.floor(random() * 4) }, () => 1 + Math.floor(random() * 9));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      const picks = sequence(createWeightedRoundRobin(), pool(...weights), total * 3).split(' ');
      weights.forEach((weight, index) => expect(picks.filter((id) => id === String.fromCharCode(97 + index))).toHaveLength(weight * 3));
    }
  });
});

describe('classic interleaved weighted round robin (LVS ip_vs_wrr.c, §2.2)', () => {
  it.each([
    [[5, 1, 1], 'a a a a a b c'],
    [[4, 2, 1], 'a a a b a b c'],
    [[2, 3, 4], 'c b c a b c a b c'],
    [[3, 2], 'a a b a b'],
  ])('weights %j give %s per period', (weights, expected) => {
    const balancer = createInterleavedWeightedRoundRobin();
    const period = expected.split(' ').length;
    expect(sequence(balancer, pool(...weights), period)).toBe(expected);
    expect(sequence(balancer, pool(...weights), period)).toBe(expected);
  });

  it('never picks a backend that is down', () => {
    const picks = sequence(createInterleavedWeightedRoundRobin(), markDown(pool(5, 1, 1), 'a'), 10).split(' ');
    expect(picks).not.toContain('a');
    expect(picks).not.toContain('-');
  });

  // Found by the fast-check property: the visit limit ignored the wrap, so a light server behind a
  // heavy one that is down was never reached.
  it('reaches a light usable server while a heavy one is down', () => {
    expect(sequence(createInterleavedWeightedRoundRobin(), markDown(pool(9, 1), 'a'), 4)).toBe('b b b b');
    expect(sequence(createInterleavedWeightedRoundRobin(), markDown(pool(1, 9), 'b'), 4)).toBe('a a a a');
  });
});
