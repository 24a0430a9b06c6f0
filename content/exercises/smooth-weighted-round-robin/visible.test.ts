import { expect, test } from '@/lib/grading/test-api';
import { SmoothWeightedRoundRobin } from './solution';
import type { WeightedServer } from './types';

/** Servers a, b, c… with these weights, all up. */
const weighted = (...weights: number[]): WeightedServer[] => weights.map((weight, i) => ({ id: String.fromCharCode(97 + i), weight, up: true }));
const sequence = (list: readonly WeightedServer[], count: number, balancer = new SmoothWeightedRoundRobin()) =>
  Array.from({ length: count }, () => balancer.pick(list) ?? '-').join(' ');

test('equal weights take turns in list order', () => {
  expect(sequence(weighted(1, 1, 1), 6)).toBe('a b c a b c');
});

test('weights 4, 2, 1 give a b a c a b a', () => {
  expect(sequence(weighted(4, 2, 1), 7)).toBe('a b a c a b a');
});

test('over one period each server gets exactly its weight in requests', () => {
  const picks = sequence(weighted(5, 1, 1), 7).split(' ');
  expect(['a', 'b', 'c'].map((id) => picks.filter((pick) => pick === id).length)).toEqual([5, 1, 1]);
});

test('the pattern repeats every sum-of-weights requests', () => {
  const balancer = new SmoothWeightedRoundRobin();
  const list = weighted(4, 2, 1);
  expect(sequence(list, 7, balancer)).toBe(sequence(list, 7, balancer));
});

test('returns undefined when no server is up', () => {
  expect(new SmoothWeightedRoundRobin().pick([{ id: 'a', weight: 3, up: false }])).toBeUndefined();
});
