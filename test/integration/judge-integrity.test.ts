import { readFileSync } from 'node:fs';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { json, learnerCookie, ORIGIN, params } from '../support/drill-api';
import { createFreshDatabase, openDatabase } from '../support/temp-database';
import type { SubmissionResponse } from '@/lib/exercises/contract';
import { ADDRESS_RATE_LIMIT } from '@/lib/grading/rate-limit';
import type { Verdict } from '@/lib/grading/verdict';

/*
 * The holes of issue 20, each tried through the submission API on a real database: what a failed
 * submission reveals of the hidden tests, how large a verdict can get, who may use the judge, and
 * text the database cannot store.
 */

const databaseUrl = createFreshDatabase();
const submissions = await import('@/app/api/exercises/[id]/submissions/route');
const drafts = await import('@/app/api/exercises/[id]/draft/route');
const database = await openDatabase(databaseUrl);
afterAll(() => database.$disconnect());

const ID = 'round-robin';
const source = (id: string, file: string) => readFileSync(`content/exercises/${id}/${file}`, 'utf8');
/** Every fixed description the hidden tests of an exercise declare. */
const descriptions = (id: string) => [...source(id, 'hidden.test.ts').matchAll(/checks: '([^']+)'/g)].map((match) => match[1]!);
const BUDGET = 8 * 1024;

let address = 0;
/** A distinct client address per call unless one is given, so tests do not share the per-address budget. */
function post(code: string, options: { cookie?: string; address?: string; id?: string } = {}) {
  const id = options.id ?? ID;
  const headers = new Headers({ origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': options.address ?? `198.51.100.${++address}` });
  if (options.cookie) headers.set('cookie', `tc_learner=${options.cookie}`);
  return submissions.POST(new NextRequest(`${ORIGIN}/api/exercises/${id}/submissions`, { method: 'POST', headers, body: JSON.stringify({ code }) }), params({ id }));
}
function putDraft(code: string) {
  const headers = new Headers({ origin: ORIGIN, 'content-type': 'application/json' });
  return drafts.PUT(new NextRequest(`${ORIGIN}/api/exercises/${ID}/draft`, { method: 'PUT', headers, body: JSON.stringify({ code }) }), params({ id: ID }));
}

// Fails every test, printing what it is given: the inputs of the hidden tests, if they came back.
const SPY = "export class RoundRobin { pick(servers: { id: string; up: boolean }[]) { console.log('SPY ' + JSON.stringify(servers)); throw new Error('SPY-ERROR ' + servers.map((s) => s.id).join()); } }\n";
const ENDLESS = 'export class RoundRobin { pick(): string | undefined { for (;;) {} } }\n';
const OWN_KEYS_BOMB = "const big='x'.repeat(8*1024*1024); module.exports=new Proxy({},{ownKeys(){throw new Error(big)}});";

describe('what a failed submission reveals about the hidden tests', () => {
  it('names each failing hidden test with its fixed description, and nothing from the hidden run', async () => {
    const response = await post(SPY);
    expect(response.status).toBe(200);
    const { verdict } = await json<SubmissionResponse>(response);
    const hidden = verdict.tests.filter((test) => test.suite === 'hidden');
    expect(hidden.length).toBeGreaterThan(0);
    const known = descriptions(ID);
    expect(known.length).toBe(hidden.length);
    for (const test of hidden) {
      expect(Object.keys(test).sort()).toEqual(['durationMs', 'failure', 'message', 'name', 'passed', 'suite']);
      expect(known).toContain(test.message);
      expect(test.durationMs).toBe(0);
    }
    const firstHidden = verdict.tests.findIndex((test) => test.suite === 'hidden');
    expect(verdict.console.entries.filter((entry) => entry.test >= firstHidden)).toEqual([]);
    const text = JSON.stringify(hidden);
    expect(text).not.toMatch(/SPY|Expected|Received|solution\.ts|hidden\.test/);
    // The visible tests still show everything.
    expect(verdict.tests.find((test) => test.suite === 'visible' && !test.passed)?.message).toMatch(/SPY-ERROR/);
  });

  it('stores what it sends: the history row carries no more than the answer', async () => {
    const response = await post(SPY);
    const cookie = learnerCookie(response);
    const stored = await database.submission.findFirstOrThrow({ where: { learnerId: cookie } });
    const verdict = JSON.parse(stored.verdict) as Verdict;
    expect(JSON.stringify(verdict.tests.filter((test) => test.suite === 'hidden'))).not.toMatch(/SPY|Expected|Received/);
    const cards = await database.reviewCard.findMany({ where: { learnerId: cookie } });
    const hiddenCards = cards.filter((card) => card.back.startsWith('A hidden test'));
    expect(hiddenCards.length).toBe(verdict.counts.hidden.total - verdict.counts.hidden.passed);
    expect(hiddenCards.map((card) => card.back).join('\n')).not.toMatch(/SPY|Expected|Received/);
  });
});

describe('a verdict stays small', () => {
  for (const id of [ID, 'capstone-balancer']) {
    it(`answers a 113-byte export whose ownKeys throws an 8 MB error with a verdict of a few KB (${id})`, async () => {
      const response = await post(OWN_KEYS_BOMB, { id });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text.length).toBeLessThan(BUDGET + 2048);
      const { verdict, submission } = JSON.parse(text) as SubmissionResponse;
      expect(verdict.status).toBe('rejected');
      const stored = await database.submission.findUniqueOrThrow({ where: { id: submission.id } });
      expect(stored.verdict.length).toBeLessThanOrEqual(BUDGET);
    });
  }

  it('cuts a verdict whose visible failures print huge values to the byte budget, and says so', async () => {
    const huge = "export class RoundRobin { pick(): string { return 'é'.repeat(3000) + ['x'.repeat(5000)].join(); } }\n";
    const { verdict } = await json<SubmissionResponse>(await post(huge));
    expect(Buffer.byteLength(JSON.stringify(verdict))).toBeLessThanOrEqual(BUDGET);
    expect(verdict.truncated).toBe(true);
    expect(verdict.summary).toMatch(/cut to fit/);
  });

  it('caps console output of many lines and of one huge line', async () => {
    const noisy = "for (let i = 0; i < 5000; i++) console.log('line ' + i, 'y'.repeat(100000));\nexport class RoundRobin { pick(): string | undefined { return undefined; } }\n";
    const response = await post(noisy);
    const { verdict } = await json<SubmissionResponse>(response);
    expect(Buffer.byteLength(JSON.stringify(verdict))).toBeLessThanOrEqual(BUDGET);
    expect(verdict.console.truncated).toBe(true);
  });
});

describe('who may use the judge', () => {
  it('judges only the per-address budget of cookieless submissions, and creates no learner for a refused one', async () => {
    const learnersBefore = await database.learner.count();
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 50; i++) statuses.push((await post(source(ID, 'starter.ts'), { address: '203.0.113.50' })).status);
    const judged = statuses.filter((status) => status === 200).length;
    const refilled = Math.ceil(((Date.now() - started) / 1000) * ADDRESS_RATE_LIMIT.refillPerSecond);
    expect(judged).toBeGreaterThan(0);
    expect(judged).toBeLessThanOrEqual(ADDRESS_RATE_LIMIT.capacity + refilled);
    expect(statuses.filter((status) => status === 429).length).toBe(50 - judged);
    expect(await database.learner.count()).toBe(learnersBefore + judged);
  });

  it('keeps the budgets in the database, so a second instance counts the submissions the first one judged', async () => {
    const cookie = learnerCookie(await putDraft('// mine'));
    for (let i = 0; i < 5; i++) expect((await post(source(ID, 'starter.ts'), { cookie })).status).toBe(200);
    // A second instance: its own module memory, the same database.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('traffic-cop.judge')];
    const { vi } = await import('vitest');
    vi.resetModules();
    const second = await import('@/app/api/exercises/[id]/submissions/route');
    const headers = new Headers({ origin: ORIGIN, 'content-type': 'application/json', cookie: `tc_learner=${cookie}`, 'x-forwarded-for': '198.51.100.250' });
    const answer = await second.POST(new NextRequest(`${ORIGIN}/api/exercises/${ID}/submissions`, { method: 'POST', headers, body: JSON.stringify({ code: 'x' }) }), params({ id: ID }));
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('spends each token once when two instances take from the same bucket at the same moment', async () => {
    const { createDatabaseRateLimiter } = await import('@/server/exercises/judge/database-rate-limiter');
    const other = await openDatabase(databaseUrl);
    const config = { capacity: 5, refillPerSecond: 0.0001 };
    const instances = [createDatabaseRateLimiter(config), createDatabaseRateLimiter(config, other)];
    const now = Date.now();
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 2]!.take('learner:contended', now)));
    await other.$disconnect();
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    expect(Math.min(...decisions.filter((decision) => !decision.allowed).map((decision) => decision.retryAfterMs))).toBeGreaterThan(0);
  });

  it('holds at most two jobs per learner in the judge at once: more concurrent submissions are answered 429', async () => {
    const cookie = learnerCookie(await putDraft('// mine'));
    const statuses = await Promise.all([1, 2, 3, 4].map(() => post(ENDLESS, { cookie }).then((response) => response.status)));
    expect(statuses.filter((status) => status === 200).length).toBe(2);
    expect(statuses.filter((status) => status === 429).length).toBe(2);
  }, 30_000);

  it('lets an honest learner through at once while one client keeps every worker busy', async () => {
    const abuse = Array.from({ length: 6 }, () => post(ENDLESS, { address: '203.0.113.66' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const honest = await json<SubmissionResponse>(await post(source(ID, 'solution.ts')));
    const latency = performance.now() - started;
    expect(honest.verdict.status).toBe('accepted');
    expect(latency).toBeLessThan(1500);
    await Promise.all(abuse);
  }, 60_000);
});

describe('text the database cannot store', () => {
  const cases = { 'a lone surrogate': 'export const x = "\uD800";\n', 'a NUL character': 'export const x = 1;\u0000\n' };
  for (const [what, code] of Object.entries(cases)) {
    it(`answers 400 for ${what} in the code, before judging, and stores nothing`, async () => {
      const before = await database.submission.count();
      const learners = await database.learner.count();
      const response = await post(code);
      expect(response.status).toBe(400);
      expect((await json<{ error: string }>(response)).error).toMatch(what === 'a NUL character' ? /NUL/ : /surrogate/);
      const draft = await putDraft(code);
      expect(draft.status).toBe(400);
      expect(await database.submission.count()).toBe(before);
      expect(await database.learner.count()).toBe(learners);
    });
  }
});
