import { readFileSync } from 'node:fs';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { json, learnerCookie, ORIGIN, params } from '../support/drill-api';
import { createFreshDatabase, openDatabase } from '../support/temp-database';
import type { SubmissionResponse, SubmissionView } from '@/lib/exercises/contract';

const databaseUrl = createFreshDatabase();
const submissions = await import('@/app/api/exercises/[id]/submissions/route');
const drafts = await import('@/app/api/exercises/[id]/draft/route');
const solutionRoute = await import('@/app/api/exercises/[id]/solution/route');

const ID = 'round-robin';
const source = (file: string) => readFileSync(`content/exercises/${ID}/${file}`, 'utf8');
const SOLUTION = source('solution.ts');
const STARTER = source('starter.ts');
const DECOY = source('decoy.ts');

function request(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, options: { cookie?: string; raw?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers({ origin: ORIGIN, ...(body !== undefined || options.raw ? { 'content-type': 'application/json' } : {}), ...options.headers });
  if (options.cookie) headers.set('cookie', `tc_learner=${options.cookie}`);
  return new NextRequest(`${ORIGIN}${path}`, { method, headers, body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
}
const submit = (code: unknown, cookie?: string, id = ID) => submissions.POST(request('POST', `/api/exercises/${id}/submissions`, { code }, { cookie }), params({ id }));
const history = (cookie?: string) => submissions.GET(request('GET', `/api/exercises/${ID}/submissions`, undefined, { cookie }), params({ id: ID }));
const putDraft = (code: unknown, cookie?: string, options: { raw?: string; headers?: Record<string, string> } = {}) =>
  drafts.PUT(request('PUT', `/api/exercises/${ID}/draft`, { code }, { cookie, ...options }), params({ id: ID }));
const getDraft = (cookie?: string) => drafts.GET(request('GET', `/api/exercises/${ID}/draft`, undefined, { cookie }), params({ id: ID }));
const getSolution = (cookie?: string) => solutionRoute.GET(request('GET', `/api/exercises/${ID}/solution`, undefined, { cookie }), params({ id: ID }));

const independent = await openDatabase(databaseUrl);
afterAll(() => independent.$disconnect());

describe('submission API on a real database', () => {
  let learner = '';

  it('judges a correct solution as accepted, stores it and creates the learner', async () => {
    const response = await submit(SOLUTION);
    expect(response.status).toBe(200);
    learner = learnerCookie(response);
    const body = await json<SubmissionResponse>(response);
    expect(body.verdict.status).toBe('accepted');
    expect(body.submission.status).toBe('accepted');
    expect(body.solution).toBe('earned');
    expect(await independent.submission.count({ where: { learnerId: learner } })).toBe(1);
  });

  it('shows failing hidden tests by name and message only, and adds a review card per failed test', async () => {
    const response = await submit(DECOY, learner);
    const body = await json<SubmissionResponse>(response);
    expect(body.verdict.status).toBe('rejected');
    const hidden = body.verdict.tests.filter((test) => test.suite === 'hidden' && !test.passed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const test of hidden) {
      expect(test.name).toBeTruthy();
      expect(test).not.toHaveProperty('expected');
      expect(test).not.toHaveProperty('actual');
    }
    const cards = await independent.reviewCard.findMany({ where: { learnerId: learner, source: 'exercise' } });
    expect(cards.length).toBe(body.verdict.counts.total - body.verdict.counts.passed);
    expect(cards.every((card) => card.sourceKey.startsWith(`exercise:${ID}:`))).toBe(true);
    const stored = await independent.submission.findFirst({ where: { learnerId: learner, status: 'rejected' } });
    expect(stored!.verdict).not.toContain('"expected"');
  });

  it('lists the learner’s own submissions, newest first, and nobody else’s', async () => {
    const mine = await json<{ submissions: SubmissionView[] }>(await history(learner));
    expect(mine.submissions.map((row) => row.status)).toEqual(['rejected', 'accepted']);
    const stranger = await json<{ submissions: SubmissionView[] }>(await history('0'.repeat(32)));
    expect(stranger.submissions).toEqual([]);
    expect((await json<{ submissions: SubmissionView[] }>(await history())).submissions).toEqual([]);
  });

  it('refuses a missing or mistyped code field, an unknown exercise, cross-site posts and non-JSON', async () => {
    expect((await submissions.POST(request('POST', `/api/exercises/${ID}/submissions`, {}, { cookie: learner }), params({ id: ID }))).status).toBe(400);
    expect((await submit(42, learner)).status).toBe(400);
    expect((await submissions.POST(request('POST', `/api/exercises/${ID}/submissions`, { code: 'x', extra: 1 }, { cookie: learner }), params({ id: ID }))).status).toBe(400);
    expect((await submit('x', learner, 'no-such-exercise')).status).toBe(404);
    const crossSite = request('POST', `/api/exercises/${ID}/submissions`, { code: 'x' }, { cookie: learner, headers: { origin: 'https://evil.example' } });
    expect((await submissions.POST(crossSite, params({ id: ID }))).status).toBe(403);
    const text = request('POST', `/api/exercises/${ID}/submissions`, undefined, { cookie: learner, raw: 'code=1', headers: { 'content-type': 'text/plain' } });
    expect((await submissions.POST(text, params({ id: ID }))).status).toBe(415);
  });

  it('refuses code over 64 KB with 413 before judging, and a body far over the cap with 400', async () => {
    const before = await independent.submission.count();
    const response = await submit(`// ${'é'.repeat(33 * 1024)}`, learner);
    expect(response.status).toBe(413);
    expect((await json<{ error: string }>(response)).error).toMatch(/64 KB/);
    const huge = await submit('x'.repeat(200 * 1024), learner);
    expect(huge.status).toBe(400);
    expect(await independent.submission.count()).toBe(before);
  });

  it('rate-limits a learner to a burst of five, answering 429 with Retry-After', async () => {
    const fresh = learnerCookie(await putDraft('// mine'));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await submit('export class RoundRobin { pick() { return undefined; } }', fresh)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await submit(SOLUTION, fresh);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('offers the reference solution after three failed submits and never to anyone else', async () => {
    const fresh = learnerCookie(await submit(STARTER));
    expect((await getSolution(fresh)).status).toBe(403);
    await submit(STARTER, fresh);
    const third = await json<SubmissionResponse>(await submit(STARTER, fresh));
    expect(third.solution).toBe('offered');
    expect((await json<{ solution: string }>(await getSolution(fresh))).solution).toBe(SOLUTION);
    expect((await getSolution()).status).toBe(403);
    expect((await getSolution('f'.repeat(32))).status).toBe(403);
  });
});

describe('draft API', () => {
  it('saves a draft for a new learner and returns it to that learner only', async () => {
    const response = await putDraft('export class RoundRobin {}');
    expect(response.status).toBe(200);
    const learner = learnerCookie(response);
    expect((await json<{ draft: { code: string } }>(await getDraft(learner))).draft.code).toBe('export class RoundRobin {}');
    expect((await json<{ draft: null }>(await getDraft('a'.repeat(32)))).draft).toBeNull();
    expect((await json<{ draft: null }>(await getDraft())).draft).toBeNull();
  });

  it('keeps the latest write, one row per learner and exercise', async () => {
    const learner = learnerCookie(await putDraft('one'));
    await putDraft('two', learner);
    await putDraft('three', learner);
    expect((await json<{ draft: { code: string } }>(await getDraft(learner))).draft.code).toBe('three');
    expect(await independent.exerciseDraft.count({ where: { learnerId: learner } })).toBe(1);
  });

  it('refuses invalid drafts, oversized code, and cross-site writes', async () => {
    expect((await putDraft(7)).status).toBe(400);
    expect((await putDraft('é'.repeat(33 * 1024))).status).toBe(413);
    expect((await putDraft('x', undefined, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await drafts.PUT(request('PUT', '/api/exercises/nope/draft', { code: 'x' }), params({ id: 'nope' }))).status).toBe(404);
  });
});
