import { expect, test } from '@/lib/grading/test-api';
import { StickyBalancer } from './solution';
import type { Server } from './types';

const list = (...states: [string, boolean][]): Server[] => states.map(([id, up]) => ({ id, up }));
const ALL_UP = list(['a', true], ['b', true], ['c', true]);

test('a cookie naming a server marked down is ignored: the request is balanced and the cookie rewritten', () => {
  const lb = new StickyBalancer({ redispatch: false });
  expect(lb.route(list(['a', true], ['b', false], ['c', true]), 'b')).toEqual({ server: 'a', setCookie: 'a' });
}, { checks: 'a cookie that names a server marked down' });

test('requests that follow their cookie do not use up round-robin turns', () => {
  const lb = new StickyBalancer({ redispatch: false });
  expect(lb.route(ALL_UP, undefined).server).toBe('a');
  lb.route(ALL_UP, 'c');
  lb.route(ALL_UP, 'c');
  expect(lb.route(ALL_UP, undefined)).toEqual({ server: 'b', setCookie: 'b' });
}, { checks: 'how sticky requests affect the rotation' });

test('with redispatch, a failed server\'s request goes to another server and the cookie moves with it', () => {
  const lb = new StickyBalancer({ redispatch: true });
  expect(lb.afterConnectFailure(ALL_UP, 'a')).toEqual({ server: 'b', setCookie: 'b' });
}, { checks: 'redispatch after a failure' });

test('redispatch never sends the request back to the server that just failed', () => {
  const lb = new StickyBalancer({ redispatch: true });
  lb.route(ALL_UP, undefined);
  expect(lb.afterConnectFailure(ALL_UP, 'b')).toEqual({ server: 'c', setCookie: 'c' });
}, { checks: 'where a redispatched request may go' });

test('with no server left to take it, the request fails and no cookie is set', () => {
  const lb = new StickyBalancer({ redispatch: true });
  expect(lb.route(list(['a', false], ['b', false]), 'a')).toEqual({ server: undefined });
  expect(lb.afterConnectFailure(list(['a', true], ['b', false]), 'a')).toEqual({ server: undefined });
}, { checks: 'a request no server can take' });

test('a server that comes back up gets its cookie holders again', () => {
  const lb = new StickyBalancer({ redispatch: false });
  expect(lb.route(list(['a', true], ['b', false]), 'b').server).toBe('a');
  expect(lb.route(list(['a', true], ['b', true]), 'b')).toEqual({ server: 'b' });
}, { checks: 'a server that comes back up' });
