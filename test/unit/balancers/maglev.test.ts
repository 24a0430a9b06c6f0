import { describe, expect, it } from 'vitest';
import { buildMaglevTable, createMaglev, DEFAULT_MAGLEV_TABLE_SIZE, maglevPermutation, type MaglevOptions } from '@/lib/balancers/maglev';
import { shareRemapped } from '@/lib/balancers/remap';
import { backendId, type BackendView } from '@/lib/balancers/types';
import { crc32String } from '@/lib/hash/crc32';
import { markDown } from './fixtures';

const servers = (...ids: string[]): BackendView[] => ids.map((id) => ({ id: backendId(id), weight: 1, usable: true, activeConnections: 0 }));

/** Options that give each backend a chosen (offset, skip) in a table of `size`; the builder adds 1 to h2 mod (M − 1). */
function fixedPermutations(size: number, permutations: Record<string, [offset: number, skip: number]>): MaglevOptions {
  return {
    tableSize: size,
    offsetHash: (id) => permutations[id]?.[0] ?? 0,
    skipHash: (id) => (permutations[id]?.[1] ?? 1) - 1,
  };
}

const paper = fixedPermutations(7, { B0: [3, 4], B1: [0, 2], B2: [3, 1] });
const envoyToy = fixedPermutations(7, { '10.0.0.1:80': [6, 5], '10.0.0.2:80': [4, 4], '10.0.0.3:80': [3, 6] });
const count = (table: readonly string[], id: string) => table.filter((entry) => entry === id).length;

describe('Maglev lookup table', () => {
  it('walks each backend through every slot of a 7-slot table in its own order', () => {
    expect(maglevPermutation(3, 4, 7)).toEqual([3, 0, 4, 1, 5, 2, 6]);
    expect(maglevPermutation(0, 2, 7)).toEqual([0, 2, 4, 6, 1, 3, 5]);
    expect(maglevPermutation(3, 1, 7)).toEqual([3, 4, 5, 6, 0, 1, 2]);
  });

  it('fills the worked example as B1 B0 B1 B0 B2 B2 B0', () => {
    expect(buildMaglevTable(servers('B0', 'B1', 'B2'), paper).join(' ')).toBe('B1 B0 B1 B0 B2 B2 B0');
  });

  it('rebuilds as B0 B0 B0 B0 B2 B2 B2 without B1, moving slot 6 from B0 to B2 although B0 is alive', () => {
    expect(buildMaglevTable(servers('B0', 'B2'), paper).join(' ')).toBe('B0 B0 B0 B0 B2 B2 B2');
  });

  it('fills the Envoy toy table as .3 .2 .1 .3 .2 .1 .1, and .1 .3 .3 .3 .1 .1 .1 without .2', () => {
    const short = (table: readonly string[]) => table.map((id) => id.slice('10.0.0'.length, -':80'.length)).join(' ');
    expect(short(buildMaglevTable(servers('10.0.0.1:80', '10.0.0.2:80', '10.0.0.3:80'), envoyToy))).toBe('.3 .2 .1 .3 .2 .1 .1');
    expect(short(buildMaglevTable(servers('10.0.0.1:80', '10.0.0.3:80'), envoyToy))).toBe('.1 .3 .3 .3 .1 .1 .1');
  });

  it('splits the default 65537 slots 21846 / 21846 / 21845 among three equal backends', () => {
    const table = buildMaglevTable(servers('a', 'b', 'c'));
    expect(table).toHaveLength(DEFAULT_MAGLEV_TABLE_SIZE);
    expect(['a', 'b', 'c'].map((id) => count(table, id))).toEqual([21846, 21846, 21845]);
  });

  it('gives weights 1 and 2 exactly 21846 and 43691 slots, as the Envoy docs state', () => {
    const table = buildMaglevTable([
      { id: backendId('A'), weight: 1 },
      { id: backendId('B'), weight: 2 },
    ]);
    expect([count(table, 'A'), count(table, 'B')]).toEqual([21846, 43691]);
  });

  it('refuses a table size that is not prime', () => {
    expect(() => buildMaglevTable(servers('a'), { tableSize: 8 })).toThrow(RangeError);
    expect(() => createMaglev({ tableSize: 65536 }).pick(servers('a', 'b'), { key: 'k' })).toThrow(RangeError);
  });
});

describe('Maglev balancer', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `session-${i}`);

  it('sends a key to table[crc32(key) mod M]', () => {
    const table = buildMaglevTable(servers('B0', 'B1', 'B2'), paper);
    const balancer = createMaglev(paper);
    for (const key of ['user1', 'alice', 'bob']) expect(balancer.pick(servers('B0', 'B1', 'B2'), { key })).toBe(table[crc32String(key) % 7]);
  });

  it('rebuilds its table over the usable backends when one goes down', () => {
    const balancer = createMaglev(paper);
    const b1Down = markDown(servers('B0', 'B1', 'B2'), 'B1');
    const picks = Array.from({ length: 7 }, (_, slot) => keys.find((key) => crc32String(key) % 7 === slot) ?? '');
    expect(picks.map((key) => balancer.pick(b1Down, { key })).join(' ')).toBe('B0 B0 B0 B0 B2 B2 B2');
  });

  it('moves about a quarter of 20,000 keys going from three backends to four', () => {
    const three = servers('a', 'b', 'c');
    const four = servers('a', 'b', 'c', 'd');
    const before = createMaglev();
    const after = createMaglev();
    const moved = shareRemapped((key) => before.pick(three, { key }), (key) => after.pick(four, { key }), keys);
    expect(moved).toBeGreaterThan(0.22);
    expect(moved).toBeLessThan(0.28);
  });

  it('hashes the client address when the request has no key, and rotates when there is neither', () => {
    const balancer = createMaglev();
    const three = servers('a', 'b', 'c');
    expect(balancer.pick(three, { clientIp: '10.0.0.1' })).toBe(balancer.pick(three, { key: '10.0.0.1' }));
    expect([1, 2, 3, 4].map(() => balancer.pick(three))).toEqual(['a', 'b', 'c', 'a']);
  });

  it('picks nothing when every backend is down', () => {
    expect(createMaglev().pick(servers('a', 'b').map((b) => ({ ...b, usable: false })), { key: 'k' })).toBeUndefined();
  });

  it('never picks an unusable backend while a usable one exists', () => {
    const quartet = servers('a', 'b', 'c', 'd').map((b, i) => ({ ...b, weight: [3, 1, 2, 1][i] ?? 1 }));
    const balancer = createMaglev({ tableSize: 1009 });
    for (let mask = 1; mask < 16; mask++) {
      const backends = quartet.map((b, i) => ({ ...b, usable: (mask & (1 << i)) !== 0 }));
      const usable = new Set<string>(backends.filter((b) => b.usable).map((b) => b.id));
      expect(keys.slice(0, 1_000).filter((key) => !usable.has(balancer.pick(backends, { key }) ?? ''))).toEqual([]);
    }
  });
});
