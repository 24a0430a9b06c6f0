import { describe, expect, it } from 'vitest';
import { createHashModN } from '@/lib/balancers/hash-mod-n';
import { shareRemapped } from '@/lib/balancers/remap';
import type { BackendView, Balancer } from '@/lib/balancers/types';
import { markDown, pool } from './fixtures';

const keys = Array.from({ length: 20_000 }, (_, i) => `session-${i}`);
const assign = (balancer: Balancer, backends: readonly BackendView[]) => (key: string) => balancer.pick(backends, { key });

describe('hash mod N', () => {
  it('sends user1 (crc32 0x8c518555 = 2354152789, mod 3 = 1) to b of three', () => {
    expect(createHashModN().pick(pool(1, 1, 1), { key: 'user1' })).toBe('b');
  });

  it('sends alice (crc32 0x278ebc47 = 663665735, mod 4 = 3) to d of four', () => {
    expect(createHashModN().pick(pool(1, 1, 1, 1), { key: 'alice' })).toBe('d');
  });

  it('hashes the client address when the request has no key', () => {
    const balancer = createHashModN();
    expect(balancer.pick(pool(1, 1, 1), { clientIp: '192.168.1.10' })).toBe(balancer.pick(pool(1, 1, 1), { key: '192.168.1.10' }));
  });

  it('rotates through the usable backends when there is nothing to hash', () => {
    const balancer = createHashModN();
    expect([1, 2, 3, 4].map(() => balancer.pick(markDown(pool(1, 1, 1), 'b')))).toEqual(['a', 'c', 'a', 'c']);
  });

  it('ignores weights', () => {
    const pick = assign(createHashModN(), pool(5, 1, 1));
    expect(keys.filter((key) => pick(key) === 'a').length / keys.length).toBeCloseTo(1 / 3, 1);
  });

  it('moves about 75% (±3%) of 20,000 keys going from three backends to four', () => {
    const moved = shareRemapped(assign(createHashModN(), pool(1, 1, 1)), assign(createHashModN(), pool(1, 1, 1, 1)), keys);
    expect(moved).toBeGreaterThan(0.72);
    expect(moved).toBeLessThan(0.78);
  });

  it('moves about two thirds of the keys when one of three goes down, because N shrinks', () => {
    const moved = shareRemapped(assign(createHashModN(), pool(1, 1, 1)), assign(createHashModN(), markDown(pool(1, 1, 1), 'b')), keys);
    expect(moved).toBeGreaterThan(0.63);
    expect(moved).toBeLessThan(0.7);
  });

  it('picks nothing when every backend is down', () => {
    expect(createHashModN().pick(pool(1, 1).map((b) => ({ ...b, usable: false })), { key: 'k' })).toBeUndefined();
  });

  it('never picks an unusable backend while a usable one exists', () => {
    const balancer = createHashModN();
    for (let mask = 1; mask < 16; mask++) {
      const backends = pool(1, 1, 1, 1).map((b, i) => ({ ...b, usable: (mask & (1 << i)) !== 0 }));
      const usable = new Set<string>(backends.filter((b) => b.usable).map((b) => b.id));
      expect(keys.slice(0, 1_000).filter((key) => !usable.has(balancer.pick(backends, { key }) ?? ''))).toEqual([]);
    }
  });
});

describe('shareRemapped', () => {
  it('counts the share of keys whose backend changed', () => {
    expect(shareRemapped((k) => k, (k) => (k === 'x' ? 'moved' : k), ['x', 'y', 'z', 'w'])).toBe(0.25);
  });

  it('treats "no backend" on both sides as unchanged, and an empty key list as nothing moved', () => {
    expect(shareRemapped(() => undefined, () => undefined, ['k'])).toBe(0);
    expect(shareRemapped(() => 'a', () => 'b', [])).toBe(0);
  });
});
