import { race } from '@/lib/capstone/race';
import { expect, test } from '@/lib/grading/test-api';
import { createBalancer } from './solution';
import type { Backend } from './types';

const backend = (id: string, activeConnections: number, weight = 1, usable = true): Backend => ({ id, weight, usable, activeConnections });
const seeded = () => 0.5;

test('sends a request to the backend holding the fewest requests', () => {
  expect(createBalancer(seeded).pick([backend('a', 4), backend('b', 1), backend('c', 3)], {})).toBe('b');
});

test('compares requests per unit of weight: 3 held of weight 4 is less loaded than 1 of weight 1', () => {
  expect(createBalancer(seeded).pick([backend('a', 3, 4), backend('b', 1, 1)], {})).toBe('a');
});

test('never returns a backend that is not usable, however idle', () => {
  expect(createBalancer(seeded).pick([backend('a', 0, 1, false), backend('b', 6), backend('c', 9)], {})).toBe('b');
});

test('returns undefined when no backend is usable', () => {
  expect(createBalancer(seeded).pick([backend('a', 0, 1, false), backend('b', 0, 1, false)], {})).toBeUndefined();
});

test('race, uneven costs: p99 at most 300 ms, nothing lost (round robin: 501 ms)', () => {
  const result = race('uneven-costs', createBalancer);
  expect(result.p99Ms).toBeLessThanOrEqual(300);
  expect(result.lost).toBe(0);
});

test('race, servers of different sizes: p99 at most 100 ms (round robin: 144 ms)', () => {
  const result = race('mixed-sizes', createBalancer);
  expect(result.p99Ms).toBeLessThanOrEqual(100);
  expect(result.lostShare).toBeLessThanOrEqual(0.001);
});

test('race, a server crashes: at most 0.2% of requests lost, p99 at most 100 ms', () => {
  const result = race('server-crash', createBalancer);
  expect(result.lostShare).toBeLessThanOrEqual(0.002);
  expect(result.p99Ms).toBeLessThanOrEqual(100);
});
