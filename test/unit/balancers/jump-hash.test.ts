import { describe, expect, it } from 'vitest';
import { jumpHash } from '@/lib/balancers/jump-hash';
import { shareRemapped } from '@/lib/balancers/remap';

const bucketsOf = (keys: number, buckets: number) => Array.from({ length: keys }, (_, k) => jumpHash(BigInt(k), buckets));

describe('jump consistent hash', () => {
  it('places keys 0..9 in buckets 0 6 6 8 1 4 9 0 4 7 of 10', () => {
    expect(bucketsOf(10, 10)).toEqual([0, 6, 6, 8, 1, 4, 9, 0, 4, 7]);
  });

  it('moves only key 5, to the new bucket 10, when an 11th bucket is added', () => {
    expect(bucketsOf(10, 11)).toEqual([0, 6, 6, 8, 1, 10, 9, 0, 4, 7]);
  });

  it('puts every key in bucket 0 when there is one bucket', () => {
    expect(bucketsOf(100, 1).every((b) => b === 0)).toBe(true);
  });

  it('reads keys as unsigned 64-bit, so -1n is the same key as 2^64 - 1', () => {
    expect(jumpHash(-1n, 1000)).toBe(jumpHash(2n ** 64n - 1n, 1000));
  });

  it('refuses zero or fractional bucket counts', () => {
    expect(() => jumpHash(1n, 0)).toThrow(RangeError);
    expect(() => jumpHash(1n, 2.5)).toThrow(RangeError);
  });

  it('moves about 1/11 of 100,000 keys going from 10 to 11 buckets, all of them to bucket 10', () => {
    const keys = Array.from({ length: 100_000 }, (_, k) => String(k));
    const at = (buckets: number) => (key: string) => String(jumpHash(BigInt(key), buckets));
    expect(shareRemapped(at(10), at(11), keys)).toBeCloseTo(1 / 11, 2);
    expect(keys.filter((k) => at(10)(k) !== at(11)(k)).every((k) => at(11)(k) === '10')).toBe(true);
  });

  it('moves about a quarter of the keys going from 3 to 4 buckets', () => {
    const keys = Array.from({ length: 20_000 }, (_, k) => String(k));
    const at = (buckets: number) => (key: string) => String(jumpHash(BigInt(key), buckets));
    expect(shareRemapped(at(3), at(4), keys)).toBeGreaterThan(0.22);
    expect(shareRemapped(at(3), at(4), keys)).toBeLessThan(0.28);
  });
});
