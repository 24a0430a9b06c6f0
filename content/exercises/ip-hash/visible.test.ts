import { expect, test } from '@/lib/grading/test-api';
import { ipHash, pickServer } from './solution';
import type { WeightedServer } from './types';

/** Servers a, b, c… with these weights, all up. */
const weighted = (...weights: number[]): WeightedServer[] => weights.map((weight, i) => ({ id: String.fromCharCode(97 + i), weight, up: true }));

test('hashes 192.168.1.10 to 154 and 10.0.0.1 to 2565', () => {
  expect([ipHash('192.168.1.10'), ipHash('10.0.0.1')]).toEqual([154, 2565]);
});

test('three equal servers: 192.168.1.10 goes to b, 10.0.0.1 to a, 8.8.8.8 to c', () => {
  const servers = weighted(1, 1, 1);
  expect(['192.168.1.10', '10.0.0.1', '8.8.8.8'].map((ip) => pickServer(servers, ip))).toEqual(['b', 'a', 'c']);
});

test('four equal servers: 192.168.1.10 goes to c and 8.8.8.8 to d', () => {
  const servers = weighted(1, 1, 1, 1);
  expect([pickServer(servers, '192.168.1.10'), pickServer(servers, '8.8.8.8')]).toEqual(['c', 'd']);
});

test('weights count: with 5, 1, 1 both 192.168.1.10 and 10.0.0.1 land on a', () => {
  const servers = weighted(5, 1, 1);
  expect([pickServer(servers, '192.168.1.10'), pickServer(servers, '10.0.0.1')]).toEqual(['a', 'a']);
});

test('every client in the same /24 network goes to the same server', () => {
  const servers = weighted(1, 1, 1);
  expect(pickServer(servers, '192.168.1.200')).toBe(pickServer(servers, '192.168.1.10'));
});

test('returns undefined when no server is up', () => {
  expect(pickServer(weighted(1, 1).map((server) => ({ ...server, up: false })), '10.0.0.1')).toBeUndefined();
});
