import { expect, test } from '@/lib/grading/test-api';
import { SessionStore } from './solution';

function storeAt(start = 0): { store: SessionStore; advance: (ms: number) => void } {
  let now = start;
  return { store: new SessionStore(() => now), advance: (ms) => (now += ms) };
}

test('overwriting a key with set clears its time to live, as in Redis', () => {
  const { store, advance } = storeAt();
  store.set('session:abc', 'v1', { ttlMs: 1_000 });
  store.set('session:abc', 'v2');
  advance(5_000);
  expect([store.get('session:abc'), store.ttl('session:abc')]).toEqual(['v2', -1]);
}, { checks: 'what overwriting a key does to its expiry' });

test('keepTtl overwrites the value but keeps the expiry', () => {
  const { store, advance } = storeAt();
  store.set('s', 'v1', { ttlMs: 10_000 });
  advance(3_000);
  store.set('s', 'v2', { keepTtl: true });
  expect([store.get('s'), store.ttl('s')]).toEqual(['v2', 7_000]);
}, { checks: 'the keepTtl option' });

test('a key still exists at its exact expiry time, and is gone just after', () => {
  const { store, advance } = storeAt(1_000);
  store.set('s', 'v', { ttlMs: 500 });
  advance(500);
  expect([store.get('s'), store.ttl('s')]).toEqual(['v', 0]);
  advance(1);
  expect([store.get('s'), store.ttl('s')]).toEqual([undefined, -2]);
}, { checks: 'the exact moment a key expires' });

test('nx writes only a missing key, xx only an existing one; an expired key counts as missing', () => {
  const { store, advance } = storeAt();
  expect(store.set('lock', 'a', { nx: true, ttlMs: 100 })).toBe(true);
  expect(store.set('lock', 'b', { nx: true })).toBe(false);
  expect(store.set('other', 'x', { xx: true })).toBe(false);
  expect(store.get('other')).toBeUndefined();
  advance(101);
  expect(store.set('lock', 'c', { nx: true })).toBe(true);
  expect(store.set('lock', 'd', { xx: true })).toBe(true);
  expect(store.get('lock')).toBe('d');
}, { checks: 'the nx and xx options' });

test('expire with zero or a negative time deletes the key at once', () => {
  const { store } = storeAt();
  store.set('s', 'v');
  expect(store.expire('s', 0)).toBe(true);
  expect([store.get('s'), store.ttl('s')]).toEqual([undefined, -2]);
}, { checks: 'expire with a time that is not positive' });

test('persist removes the expiry, and says whether there was one', () => {
  const { store, advance } = storeAt();
  store.set('s', 'v', { ttlMs: 1_000 });
  expect([store.persist('s'), store.persist('s'), store.persist('missing')]).toEqual([true, false, false]);
  advance(10_000);
  expect(store.get('s')).toBe('v');
}, { checks: 'persist' });

test('an expired key cannot be deleted, expired again or persisted', () => {
  const { store, advance } = storeAt();
  store.set('s', 'v', { ttlMs: 10 });
  advance(11);
  expect([store.delete('s'), store.expire('s', 1_000), store.persist('s')]).toEqual([false, false, false]);
}, { checks: 'operations on an expired key' });

test('refuses a time to live that is not a positive whole number, and contradictory options', () => {
  const { store } = storeAt();
  expect(() => store.set('s', 'v', { ttlMs: 0 })).toThrow(RangeError);
  expect(() => store.set('s', 'v', { ttlMs: 1.5 })).toThrow(RangeError);
  expect(() => store.set('s', 'v', { nx: true, xx: true })).toThrow(RangeError);
  expect(() => store.set('s', 'v', { ttlMs: 10, keepTtl: true })).toThrow(RangeError);
}, { checks: 'settings that must be refused' });
