import { expect, test } from '@/lib/grading/test-api';
import { SessionStore } from './solution';

/** A store on a clock the test moves by hand. */
function storeAt(start = 0): { store: SessionStore; advance: (ms: number) => void } {
  let now = start;
  return { store: new SessionStore(() => now), advance: (ms) => (now += ms) };
}

test('stores a session and reads it back from any app server', () => {
  const { store } = storeAt();
  expect(store.set('session:abc', '{"userId":"u1"}')).toBe(true);
  expect(store.get('session:abc')).toBe('{"userId":"u1"}');
  expect(store.get('session:nope')).toBeUndefined();
});

test('a session with a time to live disappears once it has passed', () => {
  const { store, advance } = storeAt();
  store.set('session:abc', 'u1', { ttlMs: 30_000 });
  advance(29_000);
  expect(store.get('session:abc')).toBe('u1');
  advance(2_000);
  expect(store.get('session:abc')).toBeUndefined();
});

test('ttl reports the milliseconds left, -1 for no expiry and -2 for no key', () => {
  const { store, advance } = storeAt();
  store.set('a', '1', { ttlMs: 10_000 });
  store.set('b', '2');
  advance(4_000);
  expect([store.ttl('a'), store.ttl('b'), store.ttl('c')]).toEqual([6_000, -1, -2]);
});

test('expire pushes an active session\'s expiry back (sliding expiry)', () => {
  const { store, advance } = storeAt();
  store.set('session:abc', 'u1', { ttlMs: 10_000 });
  advance(8_000);
  expect(store.expire('session:abc', 10_000)).toBe(true);
  advance(8_000);
  expect(store.get('session:abc')).toBe('u1');
  expect(store.expire('session:nope', 10_000)).toBe(false);
});

test('delete removes a session and says whether there was one', () => {
  const { store } = storeAt();
  store.set('session:abc', 'u1');
  expect([store.delete('session:abc'), store.delete('session:abc'), store.get('session:abc')]).toEqual([true, false, undefined]);
});
