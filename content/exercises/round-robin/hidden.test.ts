import { expect, test } from '@/lib/grading/test-api';
import { RoundRobin } from './solution';
import type { Server } from './types';

const list = (...states: [string, boolean][]): Server[] => states.map(([id, up]) => ({ id, up }));

test('continues after the server chosen last when another one goes down', () => {
  const rr = new RoundRobin();
  expect(rr.pick(list(['a', true], ['b', true], ['c', true], ['d', true]))).toBe('a');
  expect(rr.pick(list(['a', false], ['b', true], ['c', true], ['d', true]))).toBe('b');
}, { checks: 'handles a server marked down' });

test('a server that comes back up rejoins in its place in the rotation', () => {
  const rr = new RoundRobin();
  const bDown = list(['a', true], ['b', false], ['c', true]);
  expect([rr.pick(bDown), rr.pick(bDown)]).toEqual(['a', 'c']);
  const allUp = list(['a', true], ['b', true], ['c', true]);
  expect([rr.pick(allUp), rr.pick(allUp), rr.pick(allUp)]).toEqual(['a', 'b', 'c']);
}, { checks: 'a server that comes back up' });

test('after the last server, the search wraps to the start of the list', () => {
  const rr = new RoundRobin();
  const servers = list(['a', true], ['b', true], ['c', true]);
  rr.pick(servers);
  rr.pick(servers);
  expect(rr.pick(list(['a', true], ['b', true], ['c', false]))).toBe('a');
}, { checks: 'wrapping past the end of the list' });

test('the only server that is up gets every request', () => {
  const rr = new RoundRobin();
  const servers = list(['a', false], ['b', false], ['c', true], ['d', false]);
  expect([rr.pick(servers), rr.pick(servers), rr.pick(servers)]).toEqual(['c', 'c', 'c']);
}, { checks: 'a single server that is up' });

test('an empty list gives undefined', () => {
  expect(new RoundRobin().pick([])).toBeUndefined();
}, { checks: 'an empty list of servers' });

test('recovers once servers come back after all were down', () => {
  const rr = new RoundRobin();
  expect(rr.pick(list(['a', false], ['b', false]))).toBeUndefined();
  expect(rr.pick(list(['a', true], ['b', true]))).toBe('a');
}, { checks: 'recovery after every server was down' });
