import { describe, expect, it } from 'vitest';
import { formatValue } from '@/lib/grading/harness/format';

describe('formatValue', () => {
  it('prints values the way a test runner does', () => {
    expect(formatValue(['a', 1, null, undefined, -0])).toBe('["a", 1, null, undefined, -0]');
    expect(formatValue({ id: 'a', 'two words': true })).toBe('{ id: "a", "two words": true }');
    expect(formatValue(new Map([['k', 1]]))).toBe('Map(1) { "k" => 1 }');
    expect(formatValue(new Set([1]))).toBe('Set(1) { 1 }');
    expect(formatValue(/a+/g)).toBe('/a+/g');
    expect(formatValue(new RangeError('bad weight'))).toBe('RangeError: bad weight');
    expect(formatValue(function pick() {})).toBe('[Function pick]');
    expect(formatValue(10n)).toBe('10n');
  });

  it('names class instances', () => {
    class Server {
      id = 'a';
    }
    expect(formatValue(new Server())).toBe('Server { id: "a" }');
  });

  it('never runs a getter', () => {
    let ran = false;
    const value = {
      get secret() {
        ran = true;
        return 1;
      },
    };
    expect(formatValue(value)).toBe('{ secret: [Getter] }');
    expect(ran).toBe(false);
  });

  it('cuts deep, long and circular values', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('{ self: [Circular] }');
    expect(formatValue({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toBe('{ a: { b: { c: { d: { e: [Object] } } } } }');
    expect(formatValue(Array.from({ length: 40 }, (_, i) => i))).toContain('… 10 more');
    expect(formatValue('x'.repeat(5000)).length).toBeLessThanOrEqual(2001);
  });

  it('survives a Proxy whose traps throw', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(formatValue(hostile)).toBe('[unprintable]');
  });
});
