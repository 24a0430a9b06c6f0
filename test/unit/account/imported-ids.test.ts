import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importedId, importedIds } from '@/lib/account/imported-ids';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ALICE = '0123456789abcdef0123456789abcdef';
const BOB = 'fedcba9876543210fedcba9876543210';
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the id an imported row gets', () => {
  it('is the same every time for the same learner and old id, so a re-import writes the same rows', () => {
    expect(importedId(ALICE, 'attempt-1', sha256)).toBe(importedId(ALICE, 'attempt-1', sha256));
    expect(importedIds(ALICE, sha256)('attempt-1')).toBe(importedId(ALICE, 'attempt-1', sha256));
  });

  it('differs per target learner, so one file imported into two learners never collides', () => {
    expect(importedId(ALICE, 'attempt-1', sha256)).not.toBe(importedId(BOB, 'attempt-1', sha256));
  });

  it('never equals the old id, so importing into the learner it came from does not collide either', () => {
    const old = importedId(ALICE, 'attempt-1', sha256);
    expect(importedId(ALICE, old, sha256)).not.toBe(old);
  });

  it('is a name-based UUIDv8 (RFC 9562), pinned: changing the rule would change every re-imported id', () => {
    expect(importedId(ALICE, 'attempt-1', sha256)).toMatch(UUID_V8);
    expect(importedId(ALICE, 'attempt-1', sha256)).toBe('b1a6633d-11c9-89aa-80c1-e6b8763583b3');
  });

  it('gives 10,000 old ids 10,000 new ones', () => {
    const remap = importedIds(ALICE, sha256);
    const ids = Array.from({ length: 10_000 }, (_, index) => remap(`row-${index}`));
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.every((id) => UUID_V8.test(id))).toBe(true);
  });
});
