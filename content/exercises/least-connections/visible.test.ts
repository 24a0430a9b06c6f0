import { expect, test } from '@/lib/grading/test-api';
import { LeastConnections } from './solution';
import type { Backend } from './types';

const backend = (id: string, active: number, weight = 1, up = true): Backend => ({ id, weight, up, active });

test('sends the request to the server with the fewest active requests', () => {
  expect(new LeastConnections().pick([backend('a', 4), backend('b', 1), backend('c', 3)])).toBe('b');
});

test('compares active requests per unit of weight: 2 of 3 beats 1 of 1', () => {
  expect(new LeastConnections().pick([backend('a', 2, 3), backend('b', 1, 1)])).toBe('a');
});

test('skips servers that are down, however idle', () => {
  expect(new LeastConnections().pick([backend('a', 0, 1, false), backend('b', 5), backend('c', 7)])).toBe('b');
});

test('returns undefined when no server is up', () => {
  expect(new LeastConnections().pick([backend('a', 0, 1, false)])).toBeUndefined();
});

test('two long requests go to a, then b; quick requests then go to c', () => {
  const lc = new LeastConnections();
  const active: Record<string, number> = { a: 0, b: 0, c: 0 };
  const list = () => ['a', 'b', 'c'].map((id) => backend(id, active[id]!));
  const first = lc.pick(list())!;
  active[first]! += 1;
  const second = lc.pick(list())!;
  active[second]! += 1;
  expect([first, second]).toEqual(['a', 'b']);
  expect([lc.pick(list()), lc.pick(list())]).toEqual(['c', 'c']);
});
