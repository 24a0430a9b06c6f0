import { expect, test } from '@/lib/grading/test-api';
import { HashRing } from './solution';
import type { RingServer } from './types';

const THREE: RingServer[] = [
  { id: '10.0.0.1:80', weight: 1 },
  { id: '10.0.0.2:80', weight: 1 },
  { id: '10.0.0.3:80', weight: 1 },
];
const KEYS = ['user1', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory'];
const except = (id: string) => (server: string) => server !== id;

test('a down server\'s keys go to the next point clockwise', () => {
  const ring = new HashRing(THREE);
  const down = except('10.0.0.2:80');
  expect([ring.lookup('erin', down), ring.lookup('frank', down), ring.lookup('ivan', down), ring.lookup('judy', down)]).toEqual([
    '10.0.0.1:80',
    '10.0.0.3:80',
    '10.0.0.3:80',
    '10.0.0.1:80',
  ]);
}, { checks: 'where a down server\'s keys go' });

test('marking a server down moves only that server\'s keys', () => {
  const ring = new HashRing(THREE);
  for (const key of KEYS) {
    const owner = ring.lookup(key);
    if (owner !== '10.0.0.2:80') expect(ring.lookup(key, except('10.0.0.2:80'))).toBe(owner);
  }
}, { checks: 'which keys move when a server goes down' });

test('adding a server takes keys only from the others, never between them', () => {
  const before = new HashRing(THREE);
  const after = new HashRing([...THREE, { id: '10.0.0.4:80', weight: 1 }]);
  const moved = KEYS.filter((key) => after.lookup(key) !== before.lookup(key));
  expect(moved).toEqual(['bob', 'heidi', 'mallory']);
  for (const key of moved) expect(after.lookup(key)).toBe('10.0.0.4:80');
}, { checks: 'which keys move when a server is added' });

test('a key past the last point wraps around to the first', () => {
  const ring = new HashRing(THREE);
  expect(ring.lookup('session-4196')).toBe('10.0.0.1:80');
  expect(ring.lookup('session-4196', except('10.0.0.1:80'))).toBe('10.0.0.2:80');
}, { checks: 'wrapping around the end of the ring' });

test('gives up after too many down points and falls back to the up server with the largest weight', () => {
  const ring = new HashRing([
    { id: 'a:1', weight: 1 },
    { id: 'b:1', weight: 10 },
    { id: 'c:1', weight: 10 },
    { id: 'd:1', weight: 2 },
  ]);
  const up = (id: string) => id === 'a:1' || id === 'd:1';
  expect([ring.lookup('k9', up), ring.lookup('k21', up), ring.lookup('k26', up)]).toEqual(['d:1', 'd:1', 'd:1']);
}, { checks: 'the fallback when the walk keeps hitting down servers' });

test('an empty key falls back; with every server down there is no answer', () => {
  const ring = new HashRing(THREE);
  expect(ring.lookup('')).toBe('10.0.0.1:80');
  expect(ring.lookup('user1', () => false)).toBeUndefined();
}, { checks: 'an empty key, and every server down' });
