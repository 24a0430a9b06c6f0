import { expect, test } from '@/lib/grading/test-api';
import { HashRing } from './solution';
import type { RingServer } from './types';

const THREE: RingServer[] = [
  { id: '10.0.0.1:80', weight: 1 },
  { id: '10.0.0.2:80', weight: 1 },
  { id: '10.0.0.3:80', weight: 1 },
];

test('three servers of weight 1 put 480 points on the ring', () => {
  expect(new HashRing(THREE).size).toBe(480);
});

test('weight 2 gives a server twice the points', () => {
  expect(new HashRing([{ id: '10.0.0.1:80', weight: 2 }, ...THREE.slice(1)]).size).toBe(640);
});

test('user1 goes to 10.0.0.1:80 and alice to 10.0.0.3:80, as in nginx', () => {
  const ring = new HashRing(THREE);
  expect([ring.lookup('user1'), ring.lookup('alice')]).toEqual(['10.0.0.1:80', '10.0.0.3:80']);
});

test('spreads keys over every server', () => {
  const ring = new HashRing(THREE);
  const owners = ['bob', 'carol', 'dave', 'erin', 'frank', 'grace'].map((key) => ring.lookup(key));
  expect(owners).toEqual(['10.0.0.3:80', '10.0.0.1:80', '10.0.0.3:80', '10.0.0.2:80', '10.0.0.2:80', '10.0.0.1:80']);
});

test('the same key always goes to the same server', () => {
  const ring = new HashRing(THREE);
  expect(ring.lookup('heidi')).toBe(ring.lookup('heidi'));
  expect(ring.lookup('heidi')).toBe('10.0.0.1:80');
});
