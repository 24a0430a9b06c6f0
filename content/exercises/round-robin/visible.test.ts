import { expect, test } from '@/lib/grading/test-api';
import { RoundRobin } from './solution';
import type { Server } from './types';

const servers = (...ids: string[]): Server[] => ids.map((id) => ({ id, up: true }));
const picks = (balancer: RoundRobin, list: readonly Server[], count: number) => Array.from({ length: count }, () => balancer.pick(list));

test('sends the 4th request back to the first server', () => {
  expect(picks(new RoundRobin(), servers('a', 'b', 'c'), 4)).toEqual(['a', 'b', 'c', 'a']);
});

test('keeps cycling in list order', () => {
  expect(picks(new RoundRobin(), servers('a', 'b', 'c', 'd'), 9)).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd', 'a']);
});

test('skips a server that is down', () => {
  const list = [{ id: 'a', up: true }, { id: 'b', up: false }, { id: 'c', up: true }];
  expect(picks(new RoundRobin(), list, 4)).toEqual(['a', 'c', 'a', 'c']);
});

test('returns undefined when no server is up', () => {
  expect(new RoundRobin().pick([{ id: 'a', up: false }, { id: 'b', up: false }])).toBeUndefined();
});
