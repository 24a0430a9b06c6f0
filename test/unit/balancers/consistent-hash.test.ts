import { describe, expect, it } from 'vitest';
import { buildRing, createConsistentHash, firstPointAtOrAfter, splitServer } from '@/lib/balancers/consistent-hash';
import { createHashModN } from '@/lib/balancers/hash-mod-n';
import { shareRemapped } from '@/lib/balancers/remap';
import { backendId, type BackendView, type Balancer } from '@/lib/balancers/types';
import { crc32String } from '@/lib/hash/crc32';
import { markDown } from './fixtures';

const servers = (...ids: string[]): BackendView[] => ids.map((id) => ({ id: backendId(id), weight: 1, usable: true, activeConnections: 0 }));
const three = servers('10.0.0.1:80', '10.0.0.2:80', '10.0.0.3:80');
const four = servers('10.0.0.1:80', '10.0.0.2:80', '10.0.0.3:80', '10.0.0.4:80');
const keys = Array.from({ length: 20_000 }, (_, i) => `session-${i}`);
const assign = (balancer: Balancer, backends: readonly BackendView[]) => (key: string) => balancer.pick(backends, { key });

describe('nginx hash $key consistent', () => {
  it('builds 160 points per server, 480 for three', () => {
    expect(buildRing(three)).toHaveLength(480);
    expect(buildRing([{ id: backendId('10.0.0.1:80'), weight: 2 }])).toHaveLength(320);
  });

  it('starts the points of 10.0.0.1:80 at 0xa2ad5d56 then 0x0bdeb0ab', () => {
    const hashes = buildRing(three).filter((p) => p.backend === '10.0.0.1:80').map((p) => p.hash);
    expect(hashes).toContain(0xa2ad5d56);
    expect(hashes).toContain(0x0bdeb0ab);
  });

  it('sorts the points as unsigned 32-bit numbers', () => {
    const hashes = buildRing(three).map((p) => p.hash);
    expect(hashes.every((h, i) => h >= 0 && h <= 0xffffffff && (i === 0 || h > (hashes[i - 1] ?? 0)))).toBe(true);
  });

  it('splits a server string at the last colon only when digits follow', () => {
    expect(splitServer('10.0.0.1:80')).toEqual({ host: '10.0.0.1', port: '80' });
    expect(splitServer('[::1]:8080')).toEqual({ host: '[::1]', port: '8080' });
    expect(splitServer('backend.local')).toEqual({ host: 'backend.local', port: '' });
    expect(splitServer('unix:/tmp/app.sock')).toEqual({ host: '/tmp/app.sock', port: '' });
  });

  it('finds the first point at or after a hash, past the end when the hash is beyond the last point', () => {
    const ring = buildRing(three);
    expect(firstPointAtOrAfter(ring, 0)).toBe(0);
    expect(firstPointAtOrAfter(ring, ring[5]?.hash ?? 0)).toBe(5);
    expect(firstPointAtOrAfter(ring, (ring[5]?.hash ?? 0) + 1)).toBe(6);
    expect(firstPointAtOrAfter(ring, 0xffffffff + 1)).toBe(ring.length);
  });

  it.each([
    // key, 3 servers, .2 marked down, 10.0.0.4:80 added
    ['user1', '10.0.0.1:80', '10.0.0.1:80', '10.0.0.1:80'],
    ['alice', '10.0.0.3:80', '10.0.0.3:80', '10.0.0.3:80'],
  ])('sends %s to %s, to %s with .2 down, to %s after adding .4', (key, base, twoDown, added) => {
    expect(createConsistentHash().pick(three, { key })).toBe(base);
    expect(createConsistentHash().pick(markDown(three, '10.0.0.2:80'), { key })).toBe(twoDown);
    expect(createConsistentHash().pick(four, { key })).toBe(added);
  });

  it('gives 10.0.0.1:80, .2 and .3 ring shares of 34.8%, 30.0% and 35.2%', () => {
    const ring = buildRing(three);
    const share = new Map<string, number>();
    ring.forEach((point, i) => {
      const before = i === 0 ? (ring[ring.length - 1]?.hash ?? 0) - 2 ** 32 : (ring[i - 1]?.hash ?? 0);
      share.set(point.backend, (share.get(point.backend) ?? 0) + (point.hash - before) / 2 ** 32);
    });
    expect((share.get('10.0.0.1:80') ?? 0) * 100).toBeCloseTo(34.8, 1);
    expect((share.get('10.0.0.2:80') ?? 0) * 100).toBeCloseTo(30.0, 1);
    expect((share.get('10.0.0.3:80') ?? 0) * 100).toBeCloseTo(35.2, 1);
  });

  it("sends a down server's keys to the next point clockwise and leaves every other key in place", () => {
    const up = assign(createConsistentHash(), three);
    const twoDown = assign(createConsistentHash(), markDown(three, '10.0.0.2:80'));
    expect(keys.every((key) => up(key) === '10.0.0.2:80' || twoDown(key) === up(key))).toBe(true);
    expect(keys.some((key) => up(key) === '10.0.0.2:80')).toBe(true);
  });

  it('moves between 15% and 35% of 20,000 keys going from three servers to four, all of them to the new server', () => {
    const before = assign(createConsistentHash(), three);
    const after = assign(createConsistentHash(), four);
    const moved = shareRemapped(before, after, keys);
    expect(moved).toBeGreaterThan(0.15);
    expect(moved).toBeLessThan(0.35);
    expect(keys.filter((key) => before(key) !== after(key)).every((key) => after(key) === '10.0.0.4:80')).toBe(true);
  });

  it('moves far fewer keys than hash mod N when a fourth server joins', () => {
    const ring = shareRemapped(assign(createConsistentHash(), three), assign(createConsistentHash(), four), keys);
    const modN = shareRemapped(assign(createHashModN(), three), assign(createHashModN(), four), keys);
    expect(ring).toBeLessThan(modN / 2);
  });

  it('rebuilds its ring when a server joins, even on the same balancer instance', () => {
    const balancer = createConsistentHash();
    const before = keys.map((key) => balancer.pick(three, { key }));
    const after = keys.map((key) => balancer.pick(four, { key }));
    expect(after).toContain('10.0.0.4:80');
    expect(keys.map((key) => balancer.pick(three, { key }))).toEqual(before);
  });

  it('gives a heavier server proportionally more keys', () => {
    const weighted = three.map((b) => (b.id === '10.0.0.1:80' ? { ...b, weight: 3 } : b));
    const pick = assign(createConsistentHash(), weighted);
    const share = keys.filter((key) => pick(key) === '10.0.0.1:80').length / keys.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });

  it('hashes the client address when the request has no key', () => {
    const balancer = createConsistentHash();
    expect(balancer.pick(three, { clientIp: 'user1' })).toBe(balancer.pick(three, { key: 'user1' }));
  });

  it('uses round robin when there is nothing to hash', () => {
    const balancer = createConsistentHash();
    expect([1, 2, 3, 4].map(() => balancer.pick(three))).toEqual(['10.0.0.1:80', '10.0.0.2:80', '10.0.0.3:80', '10.0.0.1:80']);
  });

  it('falls back to smooth weighted round robin when 21 points in a row belong to down servers', () => {
    const backends = [
      { id: backendId('x:1'), weight: 50, usable: false, activeConnections: 0 },
      ...servers('y:1', 'z:1'),
    ];
    const ring = buildRing(backends);
    const stuck = keys.find((key) => {
      const start = firstPointAtOrAfter(ring, crc32String(key));
      return Array.from({ length: 21 }, (_, i) => ring[(start + i) % ring.length]?.backend).every((id) => id === 'x:1');
    });
    expect(stuck).toBeDefined();

    const balancer = createConsistentHash();
    expect([1, 2, 3].map(() => balancer.pick(backends, { key: stuck }))).toEqual(['y:1', 'z:1', 'y:1']);
  });

  it('picks nothing when every server is down', () => {
    expect(createConsistentHash().pick(three.map((b) => ({ ...b, usable: false })), { key: 'user1' })).toBeUndefined();
  });

  it('never picks an unusable server while a usable one exists', () => {
    const quartet = four.map((b, i) => ({ ...b, weight: [3, 1, 2, 1][i] ?? 1 }));
    for (let mask = 1; mask < 16; mask++) {
      const backends = quartet.map((b, i) => ({ ...b, usable: (mask & (1 << i)) !== 0 }));
      const usable = new Set<string>(backends.filter((b) => b.usable).map((b) => b.id));
      const balancer = createConsistentHash();
      const wrong = keys.slice(0, 1_000).filter((key) => !usable.has(balancer.pick(backends, { key }) ?? ''));
      expect(wrong).toEqual([]);
    }
  });
});
