import { describe, expect, it } from 'vitest';
import { CRC32_INIT, crc32, crc32Final, crc32String, crc32Update, utf8 } from '@/lib/hash/crc32';

const bytes = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

describe('crc32', () => {
  it('gives the standard check value 0xcbf43926 for "123456789"', () => {
    expect(crc32String('123456789')).toBe(0xcbf43926);
  });

  it('hashes the empty input to 0', () => {
    expect(crc32([])).toBe(0);
  });

  it('matches the nginx hash keys user1 = 0x8c518555 and alice = 0x278ebc47', () => {
    expect(crc32String('user1')).toBe(0x8c518555);
    expect(crc32String('alice')).toBe(0x278ebc47);
  });

  it('returns unsigned 32-bit values', () => {
    const h = crc32String('user1');
    expect(h).toBeGreaterThan(0x7fffffff);
    expect(Number.isInteger(h)).toBe(true);
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(Array.from(utf8('é'))).toEqual([0xc3, 0xa9]);
    expect(crc32String('é')).toBe(crc32([0xc3, 0xa9]));
  });

  it('gives the same value fed in pieces as fed at once', () => {
    const pieces = crc32Update(crc32Update(CRC32_INIT, bytes('1234')), bytes('56789'));
    expect(crc32Final(pieces)).toBe(0xcbf43926);
  });

  it('reproduces the first two nginx ring points of 10.0.0.1:80, 0xa2ad5d56 then 0x0bdeb0ab', () => {
    const base = crc32Update(CRC32_INIT, [...bytes('10.0.0.1'), 0, ...bytes('80')]);
    expect(crc32Final(crc32Update(base, [0, 0, 0, 0]))).toBe(0xa2ad5d56);
    expect(crc32Final(crc32Update(base, [0x56, 0x5d, 0xad, 0xa2]))).toBe(0x0bdeb0ab);
  });
});
