import { readFileSync } from 'node:fs';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { exerciseOrder } from '@/content/exercises/order';
import type { SubmissionResponse } from '@/lib/exercises/contract';
import type { Verdict } from '@/lib/grading/verdict';
import { json, ORIGIN, params } from '../support/drill-api';
import { createFreshDatabase } from '../support/temp-database';

/*
 * The attack of issue 20, for every exercise: submit a solution that records every call it gets and
 * what it answered, read back everything a failed verdict reveals, and turn the hidden tests'
 * expected values into a lookup table keyed by call number; resubmit with the table, up to four
 * rounds. No hashing, balancing or routing code of its own: if the judge leaks, the table passes.
 */

createFreshDatabase();
const submissions = await import('@/app/api/exercises/[id]/submissions/route');
const ROUNDS = 4;

let address = 0;
async function submit(id: string, code: string): Promise<Verdict> {
  const headers = new Headers({ origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${++address % 250}` });
  const response = await submissions.POST(new NextRequest(`${ORIGIN}/api/exercises/${id}/submissions`, { method: 'POST', headers, body: JSON.stringify({ code }) }), params({ id }));
  expect(response.status).toBe(200);
  return (await json<SubmissionResponse>(response)).verdict;
}

/**
 * The decoy (a plausible wrong answer, which passes the visible tests) with every export wrapped:
 * each call gets a number, is printed with its arguments and result, and returns `table[n]` when the
 * table has an answer for it.
 */
function recorder(id: string, exports: readonly string[], table: Record<number, unknown>): string {
  const decoy = readFileSync(`content/exercises/${id}/decoy.ts`, 'utf8');
  const imports = decoy.split('\n').filter((line) => line.startsWith('import '));
  const body = decoy
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .map((line) => line.replace(/^export (?!default)/, ''))
    .join('\n');
  return `${imports.join('\n')}
const real: any = (() => {
${body}
return { ${exports.join(', ')} };
})();
const table: Record<number, unknown> = ${JSON.stringify(table)};
let calls = 0;
const show = (value: unknown) => { try { return JSON.stringify(value) ?? 'undefined'; } catch { return '?'; } };
const wrapObject = (path: string, object: any): any => new Proxy(object, {
  get(target, key) {
    const value = Reflect.get(target, key, target);
    return typeof value === 'function' && typeof key === 'string' ? wrap(path + '.' + key, value.bind(target)) : value;
  },
});
const wrap = (path: string, fn: any): any => new Proxy(fn, {
  apply(target, self, args) {
    const n = calls++;
    let result = Reflect.apply(target, self, args);
    if (n in table) result = table[n];
    console.log('CALL ' + n + ' ' + path + ' ' + show(args) + ' -> ' + show(result));
    return result !== null && typeof result === 'object' && !Array.isArray(result) ? wrapObject(path, result) : result;
  },
  construct(target, args) {
    calls++;
    return wrapObject(path, Reflect.construct(target, args));
  },
});
${exports.map((name) => `export const ${name} = typeof real.${name} === 'function' ? wrap('${name}', real.${name}) : real.${name};`).join('\n')}
`;
}

/** The values a failed test's text says were expected, where it prints one JSON-readable value. */
function expectedValue(text: string | undefined): { found: boolean; value?: unknown } {
  const match = /Expected: (?!not )(.+)/.exec(text ?? '');
  if (!match) return { found: false };
  try {
    return { found: true, value: JSON.parse(match[1]!) };
  } catch {
    return { found: false };
  }
}

/** Call numbers and answers learned from a verdict: each failing hidden test's expected value spread over the calls it made. */
function learn(verdict: Verdict, table: Record<number, unknown>): number {
  let learned = 0;
  verdict.tests.forEach((test, index) => {
    if (test.suite !== 'hidden' || test.passed) return;
    const expected = expectedValue(test.expected === undefined ? test.message : `Expected: ${test.expected}`);
    if (!expected.found) return;
    const calls = verdict.console.entries.filter((entry) => entry.test === index && /-> (?!\{)/.test(entry.text)).map((entry) => Number(/^CALL (\d+)/.exec(entry.text)?.[1]));
    if (calls.length === 0) return;
    const values = Array.isArray(expected.value) && expected.value.length === calls.length ? expected.value : [expected.value];
    const targets = values.length === calls.length ? calls : calls.slice(-1);
    targets.forEach((call, i) => {
      if (!(call in table)) learned++;
      table[call] = values[i];
    });
  });
  return learned;
}

describe('a lookup table built from what failed submissions reveal', () => {
  const accepted: string[] = [];
  for (const id of exerciseOrder) {
    it(`is rejected on ${id}`, async () => {
      const meta = JSON.parse(readFileSync(`content/exercises/${id}/meta.json`, 'utf8')) as { exports: string[] };
      const table: Record<number, unknown> = {};
      let verdict = await submit(id, recorder(id, meta.exports, table));
      expect(verdict.status, 'the decoy must fail a hidden test').not.toBe('accepted');
      let learnedInAll = 0;
      for (let round = 1; round < ROUNDS && verdict.status !== 'accepted'; round++) {
        const learned = learn(verdict, table);
        learnedInAll += learned;
        if (learned === 0) break;
        verdict = await submit(id, recorder(id, meta.exports, table));
      }
      if (verdict.status === 'accepted') accepted.push(id);
      console.log(`${id}: ${learnedInAll} answers learned, ${verdict.counts.passed} of ${verdict.counts.total} tests passed, ${verdict.status}`);
      expect(learnedInAll).toBe(0);
      expect(verdict.status).not.toBe('accepted');
    }, 120_000);
  }
});
