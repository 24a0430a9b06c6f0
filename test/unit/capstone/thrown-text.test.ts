import { describe, expect, it } from 'vitest';
import { thrownText, THROWN_TEXT_LIMIT } from '@/lib/capstone/thrown-text';

describe('what a learner threw, as text', () => {
  it('prints an Error as name and message, and anything else with String()', () => {
    expect(thrownText(new TypeError('bad'))).toBe('TypeError: bad');
    expect(thrownText('plain')).toBe('plain');
    expect(thrownText(42)).toBe('42');
  });

  it('names a message that is not text instead of printing it', () => {
    const error = new Error('x');
    Object.defineProperty(error, 'message', { value: { nested: true } });
    expect(thrownText(error)).toBe('Error (with a message that is not text)');
  });

  it('survives values whose every read throws, and caps a huge message', () => {
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); } });
    expect(thrownText(hostile)).toBe('a thrown value that cannot be printed');
    expect(thrownText({ [Symbol.toPrimitive]: () => { throw new Error('no'); } })).toBe('a thrown value that cannot be printed');
    expect(thrownText(new Error('x'.repeat(8 * 1024 * 1024)))).toHaveLength(THROWN_TEXT_LIMIT + 1);
  });
});
