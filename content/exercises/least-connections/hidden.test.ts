import { expect, test } from '@/lib/grading/test-api';
import { LeastConnections } from './solution';
import type { Backend } from './types';

const backend = (id: string, active: number, weight = 1, up = true): Backend => ({ id, weight, up, active });

test('idle weighted servers share requests like smooth weighted round robin', () => {
  const lc = new LeastConnections();
  const idle = [backend('a', 0, 5), backend('b', 0, 1), backend('c', 0, 1)];
  expect(Array.from({ length: 7 }, () => lc.pick(idle)).join(' ')).toBe('a a b a c a a');
}, { checks: 'the tie-break among idle weighted servers' });

test('long requests spread by weight, and quick ones then go to the least loaded', () => {
  const lc = new LeastConnections();
  const weights: Record<string, number> = { a: 3, b: 1, c: 1 };
  const active: Record<string, number> = { a: 0, b: 0, c: 0 };
  const list = () => ['a', 'b', 'c'].map((id) => backend(id, active[id]!, weights[id]!));
  const long: string[] = [];
  for (let i = 0; i < 4; i++) {
    const id = lc.pick(list())!;
    long.push(id);
    active[id]! += 1;
  }
  expect(long).toEqual(['a', 'b', 'c', 'a']);
  expect([lc.pick(list()), lc.pick(list()), lc.pick(list())]).toEqual(['a', 'a', 'a']);
}, { checks: 'long and quick requests on weighted servers' });

test('only the tied servers take part in the tie-break', () => {
  const lc = new LeastConnections();
  const list = [backend('a', 2, 1), backend('b', 0, 2), backend('c', 0, 1)];
  expect(Array.from({ length: 6 }, () => lc.pick(list)).join(' ')).toBe('b c b b c b');
}, { checks: 'which servers take part in a tie-break' });

test('the tie-break remembers its scores as different servers tie', () => {
  const lc = new LeastConnections();
  const cBusy = [backend('a', 0), backend('b', 0), backend('c', 1)];
  const aBusy = [backend('a', 1), backend('b', 0), backend('c', 0)];
  expect([lc.pick(cBusy), lc.pick(aBusy), lc.pick(cBusy), lc.pick(aBusy), lc.pick(cBusy), lc.pick(aBusy)]).toEqual(['a', 'b', 'b', 'c', 'a', 'b']);
}, { checks: 'the tie-break\'s memory across picks' });

test('compares load per weight exactly, without rounding', () => {
  const lc = new LeastConnections();
  const list = [backend('a', 1, 3), backend('b', 2, 6), backend('c', 1, 1)];
  expect([lc.pick(list), lc.pick(list), lc.pick(list)]).toEqual(['b', 'a', 'b']);
}, { checks: 'exact comparison of load per weight' });

test('a single server that is up takes every request, whatever its load', () => {
  const lc = new LeastConnections();
  expect(lc.pick([backend('a', 0, 1, false), backend('b', 40)])).toBe('b');
}, { checks: 'a single server that is up' });
