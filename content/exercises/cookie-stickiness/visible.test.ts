import { expect, test } from '@/lib/grading/test-api';
import { StickyBalancer } from './solution';
import type { Server } from './types';

const SERVERS: Server[] = [
  { id: 'a', up: true },
  { id: 'b', up: true },
  { id: 'c', up: true },
];

test('a client without a cookie is balanced and told which server it got', () => {
  const lb = new StickyBalancer({ redispatch: false });
  expect(lb.route(SERVERS, undefined)).toEqual({ server: 'a', setCookie: 'a' });
  expect(lb.route(SERVERS, undefined)).toEqual({ server: 'b', setCookie: 'b' });
});

test('a cookie naming a server that is up sends the request there, with no new cookie', () => {
  const lb = new StickyBalancer({ redispatch: false });
  expect(lb.route(SERVERS, 'c')).toEqual({ server: 'c' });
  expect(lb.route(SERVERS, 'c')).toEqual({ server: 'c' });
});

test('an unknown cookie value is ignored: the request is balanced and the cookie replaced', () => {
  const lb = new StickyBalancer({ redispatch: false });
  expect(lb.route(SERVERS, 'zzz')).toEqual({ server: 'a', setCookie: 'a' });
});

test('without redispatch, a server that fails to answer fails the request', () => {
  const lb = new StickyBalancer({ redispatch: false });
  expect(lb.afterConnectFailure(SERVERS, 'b')).toEqual({ server: undefined });
});
