import { describe, expect, it } from 'vitest';
import { createIpHash, ipHashKey, ipHashStep, nginxIpHash } from '@/lib/balancers/ip-hash';
import { shareRemapped } from '@/lib/balancers/remap';
import type { BackendView } from '@/lib/balancers/types';
import { crc32String } from '@/lib/hash/crc32';
import { markDown, pool } from './fixtures';

const pickFor = (backends: readonly BackendView[], clientIp: string) => createIpHash().pick(backends, { clientIp });

/** 2,000 client addresses spread over the whole IPv4 space, the same on every run. */
const clients = Array.from({ length: 2_000 }, (_, i) => {
  const h = crc32String(`client-${i}`);
  return [h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff].join('.');
});

describe('nginx ip_hash', () => {
  it('hashes 192.168.1.10 to 154 on the first pass (89 → 3978 → 4441 → 154)', () => {
    expect(ipHashStep(89, [192])).toBe(3978);
    expect(ipHashStep(89, [192, 168])).toBe(4441);
    expect(nginxIpHash('192.168.1.10')).toBe(154);
  });

  it('hashes 10.0.0.1 to 2565 and 8.8.8.8 to 3023', () => {
    expect(nginxIpHash('10.0.0.1')).toBe(2565);
    expect(nginxIpHash('8.8.8.8')).toBe(3023);
  });

  it('sends 192.168.1.10 to b with three equal servers', () => {
    expect(pickFor(pool(1, 1, 1), '192.168.1.10')).toBe('b');
  });

  it.each([
    // client, a,b,c (w=1), a,b,c with b down, a,b,c,d (w=1), a=5,b=1,c=1
    ['192.168.1.10', 'b', 'c', 'c', 'a'],
    ['10.0.0.1', 'a', 'a', 'b', 'a'],
    ['8.8.8.8', 'c', 'c', 'd', 'c'],
  ])('sends %s to %s, to %s with b down, to %s among four, to %s with weights 5,1,1', (ip, three, bDown, four, weighted) => {
    expect(pickFor(pool(1, 1, 1), ip)).toBe(three);
    expect(pickFor(markDown(pool(1, 1, 1), 'b'), ip)).toBe(bDown);
    expect(pickFor(pool(1, 1, 1, 1), ip)).toBe(four);
    expect(pickFor(pool(5, 1, 1), ip)).toBe(weighted);
  });

  it('rehashes 192.168.1.10 past a down b by continuing from 154, not restarting at 89 (5654 mod 3 = 2 → c)', () => {
    expect(ipHashStep(154, ipHashKey('192.168.1.10'))).toBe(5654);
    expect(pickFor(markDown(pool(1, 1, 1), 'b'), '192.168.1.10')).toBe('c');
  });

  it('sends every client of a /24 to the same server', () => {
    const servers = new Set(Array.from({ length: 256 }, (_, last) => pickFor(pool(1, 1, 1, 1), `192.168.1.${last}`)));
    expect(servers).toEqual(new Set(['c']));
  });

  it('keys IPv4 by its first three octets and IPv6 by all sixteen bytes', () => {
    expect(ipHashKey('192.168.1.10')).toEqual([192, 168, 1]);
    expect(ipHashKey('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 1]);
    expect(ipHashKey('::ffff:192.168.1.10')).toEqual([...new Array<number>(10).fill(0), 0xff, 0xff, 192, 168, 1, 10]);
    expect(nginxIpHash('2001:db8::1')).toBe(ipHashStep(89, ipHashKey('2001:db8::1')));
  });

  it('treats a missing or unparseable address as nginx treats a non-IP socket: three zero bytes', () => {
    expect(ipHashKey(undefined)).toEqual([0, 0, 0]);
    expect(ipHashKey('not-an-ip')).toEqual([0, 0, 0]);
    expect(ipHashKey('300.1.1.1')).toEqual([0, 0, 0]);
    expect(createIpHash().pick(pool(1, 1, 1))).toBe(createIpHash().pick(pool(1, 1, 1), { clientIp: 'not-an-ip' }));
  });

  it('keeps every other client on its server when b is marked down', () => {
    const up = pool(1, 1, 1);
    const bDown = markDown(up, 'b');
    const notOnB = clients.filter((ip) => pickFor(up, ip) !== 'b');
    expect(notOnB.every((ip) => pickFor(bDown, ip) === pickFor(up, ip))).toBe(true);
    expect(shareRemapped((ip) => pickFor(up, ip), (ip) => pickFor(bDown, ip), clients)).toBeCloseTo(1 / 3, 1);
  });

  it('moves about three quarters of the clients going from three servers to four', () => {
    const moved = shareRemapped((ip) => pickFor(pool(1, 1, 1), ip), (ip) => pickFor(pool(1, 1, 1, 1), ip), clients);
    expect(moved).toBeGreaterThan(0.72);
    expect(moved).toBeLessThan(0.78);
  });

  it('falls back to smooth weighted round robin after 21 hash picks all land on a down server', () => {
    const backends = markDown(pool(1000, 2, 1), 'a');
    let hash = 89;
    const walks = Array.from({ length: 21 }, () => (hash = ipHashStep(hash, ipHashKey('192.168.1.10'))) % 1003);
    expect(walks.every((w) => w < 1000)).toBe(true);

    const balancer = createIpHash();
    const picks = Array.from({ length: 6 }, () => balancer.pick(backends, { clientIp: '192.168.1.10' }));
    expect(picks.join(' ')).toBe('b c b b c b');
  });

  it('uses round robin with fewer than two servers', () => {
    expect(pickFor(pool(1), '192.168.1.10')).toBe('a');
    expect(pickFor(markDown(pool(1), 'a'), '192.168.1.10')).toBeUndefined();
  });

  it('picks nothing when every server is down', () => {
    const allDown = pool(1, 1, 1).map((b) => ({ ...b, usable: false }));
    expect(pickFor(allDown, '192.168.1.10')).toBeUndefined();
  });

  it('never picks an unusable server while a usable one exists', () => {
    const weights = [3, 1, 2, 1];
    for (let mask = 1; mask < 16; mask++) {
      const backends = pool(...weights).map((b, i) => ({ ...b, usable: (mask & (1 << i)) !== 0 }));
      const usable = new Set<string>(backends.filter((b) => b.usable).map((b) => b.id));
      const balancer = createIpHash();
      expect(clients.filter((ip) => !usable.has(balancer.pick(backends, { clientIp: ip }) ?? ''))).toEqual([]);
    }
  });
});
