import { describe, expect, it } from 'vitest';
import { submissionRequestSchema } from '@/lib/exercises/contract';
import { unstorableText } from '@/lib/exercises/storable-text';

describe('text the database can store', () => {
  it('accepts any well-formed text, astral characters included', () => {
    expect(unstorableText('export const x = "😀 é \\u0000";\n')).toBeUndefined();
  });

  it('names a NUL character and a lone surrogate of either half, with the position', () => {
    expect(unstorableText('ab\u0000')).toMatch(/NUL character .* position 2/);
    expect(unstorableText('a\uD83D')).toMatch(/lone surrogate \(U\+D83D/);
    expect(unstorableText('\uDE00a')).toMatch(/lone surrogate \(U\+DE00.* position 0/);
    expect(unstorableText('\uDE00\uD83D')).toMatch(/U\+DE00/);
  });

  it('refuses such code in a submission with that message', () => {
    const parsed = submissionRequestSchema.safeParse({ code: 'const s = "\uD800";' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^code contains a lone surrogate/);
  });
});
