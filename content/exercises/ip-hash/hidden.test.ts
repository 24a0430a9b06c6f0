import { expect, test } from '@/lib/grading/test-api';
import { ipHash, pickServer } from './solution';
import type { WeightedServer } from './types';

const servers = (...spec: [string, number, boolean][]): WeightedServer[] => spec.map(([id, weight, up]) => ({ id, weight, up }));
const CLIENTS = ['192.168.1.10', '10.0.0.1', '8.8.8.8', '172.16.5.4', '203.0.113.7', '198.51.100.23', '100.64.1.2', '10.1.2.3', '1.1.1.1'];

test('the fourth octet is ignored', () => {
  expect(ipHash('192.168.1.200')).toBe(154);
}, { checks: 'which parts of the address feed the hash' });

test('a client whose server is down rehashes from the hash it already has', () => {
  expect(pickServer(servers(['a', 1, true], ['b', 1, false], ['c', 1, true]), '192.168.1.10')).toBe('c');
}, { checks: 'rehashing past a server marked down' });

test('marking a server down moves only its own clients', () => {
  const all = servers(['a', 1, true], ['b', 1, true], ['c', 1, true]);
  const bDown = servers(['a', 1, true], ['b', 1, false], ['c', 1, true]);
  for (const ip of CLIENTS) {
    const before = pickServer(all, ip);
    if (before !== 'b') expect(pickServer(bDown, ip)).toBe(before);
  }
}, { checks: 'which clients move when a server goes down' });

test('rehashes as many times as it takes, past several down servers', () => {
  const list = servers(['a', 1, false], ['b', 1, true], ['c', 1, false], ['d', 2, true]);
  expect(['192.168.1.10', '10.0.0.1', '172.16.5.4', '198.51.100.23', '1.1.1.1'].map((ip) => pickServer(list, ip))).toEqual(['d', 'd', 'b', 'b', 'b']);
}, { checks: 'several down servers in a row' });

test('after the last walk hits a down server, falls back to the up server with the largest weight', () => {
  const list = servers(['a', 1, true], ['b', 2, true], ['c', 5000, false]);
  expect([pickServer(list, '10.0.0.1'), pickServer(list, '192.168.1.10'), pickServer(list, '203.0.113.7')]).toEqual(['b', 'b', 'b']);
}, { checks: 'the fallback when every walk hits a down server' });

test('with a single server there is nothing to hash: it gets every client while it is up', () => {
  expect(pickServer(servers(['a', 1, true]), '8.8.8.8')).toBe('a');
  expect(pickServer(servers(['a', 1, false]), '8.8.8.8')).toBeUndefined();
}, { checks: 'a single server' });
