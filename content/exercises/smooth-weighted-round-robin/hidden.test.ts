import { expect, test } from '@/lib/grading/test-api';
import { SmoothWeightedRoundRobin } from './solution';
import type { WeightedServer } from './types';

const weighted = (...weights: number[]): WeightedServer[] => weights.map((weight, i) => ({ id: String.fromCharCode(97 + i), weight, up: true }));
const sequence = (list: readonly WeightedServer[], count: number, balancer = new SmoothWeightedRoundRobin()) =>
  Array.from({ length: count }, () => balancer.pick(list) ?? '-').join(' ');
const down = (list: WeightedServer[], id: string) => list.map((server) => (server.id === id ? { ...server, up: false } : server));

test('a tie goes to the earlier server, as in nginx', () => {
  expect(sequence(weighted(5, 1, 1), 7)).toBe('a a b a c a a');
}, { checks: 'ties between servers' });

test('uneven weights interleave smoothly, the heaviest first', () => {
  expect(sequence(weighted(2, 3, 4), 9)).toBe('c b a c b c a b c');
}, { checks: 'the order over one period of uneven weights' });

test('two servers of nearly equal weight alternate', () => {
  expect(sequence(weighted(3, 2), 5)).toBe('a b a b a');
}, { checks: 'two servers of nearly equal weight' });

test('a server that is down is skipped and the others share its turns', () => {
  expect(sequence(down(weighted(1, 1, 1), 'b'), 4)).toBe('a c a c');
}, { checks: 'a server marked down' });

test('a server that was down comes back with the score it had when it left', () => {
  const balancer = new SmoothWeightedRoundRobin();
  const all = weighted(5, 1, 1);
  expect(sequence(all, 2, balancer)).toBe('a a');
  expect(sequence(down(all, 'a'), 3, balancer)).toBe('b c b');
  expect(sequence(all, 7, balancer)).toBe('c a a b a a a');
}, { checks: 'a server that comes back up' });

test('keeps each server\'s share over many periods', () => {
  const picks = sequence(weighted(3, 1, 2), 600).split(' ');
  expect(['a', 'b', 'c'].map((id) => picks.filter((pick) => pick === id).length)).toEqual([300, 100, 200]);
}, { checks: 'shares over many periods' });
