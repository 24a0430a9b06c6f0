import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, type Routes } from '../support/browser-client';
import { createFreshDatabase, openDatabase } from '../support/temp-database';

/*
 * Two signed-in learners. Ada does a little of everything; Bob then tries every endpoint with Ada's
 * ids, and with Ada's guest cookie on top of his own session. He must never read or change her
 * progress, drafts, submissions or drill history: ids that are not his answer 404, and every list
 * and export he gets is his own.
 */

process.env.BETTER_AUTH_SECRET = 'integration-test-secret-0123456789abcdef';
const databaseUrl = createFreshDatabase();
const routes: Routes = {
  '/api/auth/[...all]': await import('@/app/api/auth/[...all]/route'),
  '/api/progress': await import('@/app/api/progress/route'),
  '/api/progress/[lessonId]': await import('@/app/api/progress/[lessonId]/route'),
  '/api/exercises/[id]/draft': await import('@/app/api/exercises/[id]/draft/route'),
  '/api/exercises/[id]/submissions': await import('@/app/api/exercises/[id]/submissions/route'),
  '/api/exercises/[id]/solution': await import('@/app/api/exercises/[id]/solution/route'),
  '/api/drills/attempts': await import('@/app/api/drills/attempts/route'),
  '/api/drills/attempts/[attemptId]/rating': await import('@/app/api/drills/attempts/[attemptId]/rating/route'),
  '/api/drills/attempts/[attemptId]/disputes': await import('@/app/api/drills/attempts/[attemptId]/disputes/route'),
  '/api/drills/mock': await import('@/app/api/drills/mock/route'),
  '/api/drills/mock/[sessionId]': await import('@/app/api/drills/mock/[sessionId]/route'),
  '/api/drills/review': await import('@/app/api/drills/review/route'),
  '/api/drills/review/[cardId]': await import('@/app/api/drills/review/[cardId]/route'),
  '/api/account/export': await import('@/app/api/account/export/route'),
  '/api/account/import': await import('@/app/api/account/import/route'),
  '/api/account/data': await import('@/app/api/account/data/route'),
};
const db = await openDatabase(databaseUrl);

const ada = new BrowserClient(routes, '203.0.113.21');
const bob = new BrowserClient(routes, '203.0.113.22');
const ADA_SECRET = 'ada-private-answer-7c1f';
let adaLearner = '';
let ada_ = { sessionId: '', attemptId: '', cardId: '' };

/** Everything of Ada's in the database, to compare before and after Bob's attempts. */
const adaRows = async () => ({
  lessons: await db.lessonProgress.findMany({ where: { learnerId: adaLearner }, orderBy: { lessonId: 'asc' } }),
  drafts: await db.exerciseDraft.findMany({ where: { learnerId: adaLearner } }),
  submissions: await db.submission.count({ where: { learnerId: adaLearner } }),
  attempts: await db.drillAttempt.findMany({ where: { learnerId: adaLearner }, orderBy: { id: 'asc' } }),
  mocks: await db.mockSession.findMany({ where: { learnerId: adaLearner } }),
  cards: await db.reviewCard.findMany({ where: { learnerId: adaLearner }, orderBy: { id: 'asc' } }),
  disputes: await db.drillDispute.count(),
});

beforeAll(async () => {
  for (const [browser, email] of [[ada, 'ada@example.com'], [bob, 'bob@example.com']] as const) {
    expect((await browser.call('POST', '/api/auth/sign-up/email', { email, password: 'a long enough password', name: email })).status).toBe(200);
  }
  await ada.call('POST', '/api/progress/round-robin', { action: 'complete', requestId: randomUUID() });
  await ada.call('PUT', '/api/exercises/round-robin/draft', { code: `// ${ADA_SECRET}` });
  await ada.call('POST', '/api/exercises/round-robin/submissions', { code: `// ${ADA_SECRET}\nexport class RoundRobin { pick() { return undefined; } }` });
  await ada.call('POST', '/api/drills/attempts', { requestId: randomUUID(), questionId: 'round-robin-when-and-why-not', answer: ADA_SECRET });
  const mock = await ada.call('POST', '/api/drills/mock', { requestId: randomUUID(), questionCount: 1, phaseSeconds: [120, 120, 120, 120] });
  expect(mock.status).toBe(200);
  adaLearner = (await db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' }, include: { learner: true } })).learner!.id;
  ada_ = {
    sessionId: (await db.mockSession.findFirstOrThrow({ where: { learnerId: adaLearner } })).id,
    attemptId: (await db.drillAttempt.findFirstOrThrow({ where: { learnerId: adaLearner } })).id,
    cardId: (await db.reviewCard.findFirstOrThrow({ where: { learnerId: adaLearner } })).id,
  };
});

describe('another learner’s ids, through every endpoint that takes one', () => {
  it('cannot read or act on Ada’s mock interview', async () => {
    const before = await adaRows();
    expect((await bob.call('GET', `/api/drills/mock/${ada_.sessionId}`)).status).toBe(404);
    for (const body of [
      { action: 'submit', requestId: randomUUID(), position: 0, phase: 'clarify', text: 'mine now' },
      { action: 'resume', requestId: randomUUID() },
      { action: 'discard', requestId: randomUUID() },
    ]) {
      expect((await bob.call('POST', `/api/drills/mock/${ada_.sessionId}`, body)).status).toBe(404);
    }
    expect(await adaRows()).toEqual(before);
  });

  it('cannot rate or dispute Ada’s drill attempt or review her card', async () => {
    const before = await adaRows();
    expect((await bob.call('POST', `/api/drills/attempts/${ada_.attemptId}/rating`, { requestId: randomUUID(), rating: 4 })).status).toBe(404);
    expect((await bob.call('POST', `/api/drills/attempts/${ada_.attemptId}/disputes`, { requestId: randomUUID(), pointId: 'what-instead', action: 'dispute' })).status).toBe(404);
    expect((await bob.call('POST', `/api/drills/review/${ada_.cardId}`, { requestId: randomUUID(), rating: 4 })).status).toBe(404);
    expect(await adaRows()).toEqual(before);
  });

  it('sees only his own lists: progress, drafts, submissions, review queue, mock history, earned solutions and export', async () => {
    const responses = await Promise.all([
      bob.call('GET', '/api/progress'),
      bob.call('GET', '/api/exercises/round-robin/draft'),
      bob.call('GET', '/api/exercises/round-robin/submissions'),
      bob.call('GET', '/api/exercises/round-robin/solution'),
      bob.call('GET', '/api/drills/review'),
      bob.call('GET', '/api/drills/mock'),
      bob.call('GET', '/api/account/export'),
    ]);
    for (const [index, { status, json }] of responses.entries()) {
      // The reference solution is earned per learner: Bob has not earned it (Ada has not either).
      expect(status).toBe(index === 3 ? 403 : 200);
      const text = JSON.stringify(json);
      for (const secret of [ADA_SECRET, ada_.sessionId, ada_.attemptId, ada_.cardId, adaLearner]) expect(text).not.toContain(secret);
    }
    expect((responses[0]!.json.lessons as Record<string, { completed: boolean }>)['round-robin']?.completed ?? false).toBe(false);
  });

  it('gets his own data, not Ada’s, when he also carries Ada’s guest cookie', async () => {
    const before = await adaRows();
    const mixed = bob.clone().withCookie('tc_learner', adaLearner);
    expect(JSON.stringify((await mixed.call('GET', '/api/exercises/round-robin/draft')).json)).not.toContain(ADA_SECRET);
    await mixed.call('POST', '/api/progress/least-connections', { action: 'complete', requestId: randomUUID() });
    await mixed.call('DELETE', '/api/account/data');
    expect(await adaRows()).toEqual(before);
  });

  it('cannot reach Ada’s data signed out with her old guest cookie', async () => {
    const stranger = new BrowserClient(routes, '203.0.113.23').withCookie('tc_learner', adaLearner);
    const before = await adaRows();
    expect(JSON.stringify((await stranger.call('GET', '/api/account/export')).json)).not.toContain(ADA_SECRET);
    expect(JSON.stringify((await stranger.call('GET', '/api/exercises/round-robin/draft')).json)).not.toContain(ADA_SECRET);
    await stranger.call('POST', '/api/progress/round-robin', { action: 'reopen', requestId: randomUUID() });
    await stranger.call('DELETE', '/api/account/data');
    expect(await adaRows()).toEqual(before);
  });
});
