import { afterAll, describe, expect, it } from 'vitest';
import { ROW_TABLES, toExport } from '@/lib/account/learner-rows';
import { learnerRows } from '../unit/account/fixtures';
import { complete, completed, signIn, signUp } from '../support/accounts';
import { BrowserClient, type Routes } from '../support/browser-client';
import { createFreshDatabase, openDatabase } from '../support/temp-database';

process.env.BETTER_AUTH_SECRET = 'integration-test-secret-0123456789abcdef';
const databaseUrl = createFreshDatabase();
const routes: Routes = {
  '/api/auth/[...all]': await import('@/app/api/auth/[...all]/route'),
  '/api/progress': await import('@/app/api/progress/route'),
  '/api/progress/[lessonId]': await import('@/app/api/progress/[lessonId]/route'),
  '/api/exercises/[id]/draft': await import('@/app/api/exercises/[id]/draft/route'),
  '/api/account/guest': await import('@/app/api/account/guest/route'),
};
const { fetchLearnerRows, replaceLearnerData } = await import('@/server/learners/data');
const { newLearnerId } = await import('@/server/learners/cookie');
const db = await openDatabase(databaseUrl);
afterAll(() => db.$disconnect());

const saveDraft = (browser: BrowserClient, code: string) => browser.call('PUT', '/api/exercises/round-robin/draft', { code });
const signOut = (browser: BrowserClient) => browser.call('POST', '/api/auth/sign-out', {});
const mergeGuest = (browser: BrowserClient, headers: Record<string, string> = {}) => browser.call('POST', '/api/account/guest', undefined, headers);
const discardGuest = (browser: BrowserClient) => browser.call('DELETE', '/api/account/guest');
const learnerOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, include: { learner: true } })).learner!.id;

describe('adding a browser’s guest progress to the account signed in on it', () => {
  const laptop = new BrowserClient(routes, '203.0.113.21');
  let guestId = '';

  it('keeps the guest apart at sign-in, then moves it in on request, keeping the newer of two drafts', async () => {
    await signUp(laptop, 'lin@example.com');
    await complete(laptop, 'round-robin');
    await saveDraft(laptop, 'export const from = "the account";');
    await signOut(laptop);
    // Signed out, the same browser studies as a new guest.
    await complete(laptop, 'least-connections');
    await saveDraft(laptop, 'export const from = "the guest";');
    guestId = laptop.cookies.get('tc_learner')!;
    expect(guestId).not.toBe(await learnerOf('lin@example.com'));

    expect((await signIn(laptop, 'lin@example.com')).status).toBe(200);
    expect(await completed(laptop)).toEqual(['round-robin']);

    const merged = await mergeGuest(laptop);
    expect(merged.status).toBe(200);
    expect(merged.json.moved).toEqual({ lessonsCompleted: 1, quizAnswers: 0, drillAttempts: 0, mockInterviews: 0, reviewCards: 0, submissions: 0, drafts: 1 });
    expect(await completed(laptop)).toEqual(['least-connections', 'round-robin']);
    expect((await laptop.call('GET', '/api/exercises/round-robin/draft')).json).toMatchObject({ draft: { code: 'export const from = "the guest";' } });
    // The guest is gone, and the browser forgets the cookie that named it.
    expect(await db.learner.count({ where: { id: guestId } })).toBe(0);
    expect(laptop.cookies.has('tc_learner')).toBe(false);
    expect(merged.response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 404 the second time: there is nothing left to add', async () => {
    const again = await mergeGuest(laptop.clone().withCookie('tc_learner', guestId));
    expect(again.status).toBe(404);
    expect(again.json.error).toMatch(/no guest progress/);
  });

  it('refuses a signed-out browser (401), a cross-site request (403), and a cookie naming another account’s learner (404)', async () => {
    const guest = new BrowserClient(routes, '203.0.113.22');
    await complete(guest, 'round-robin');
    expect((await mergeGuest(guest)).status).toBe(401);

    const owner = new BrowserClient(routes, '203.0.113.23');
    await complete(owner, 'ip-hash');
    await signUp(owner, 'mo@example.com'); // claims that guest
    const claimedId = owner.cookies.get('tc_learner')!;
    const thief = new BrowserClient(routes, '203.0.113.24');
    await signUp(thief, 'nat@example.com');
    const stolen = await mergeGuest(thief.withCookie('tc_learner', claimedId));
    expect(stolen.status).toBe(404);
    expect(await completed(owner)).toEqual(['ip-hash']);

    expect((await mergeGuest(laptop, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('moves a guest with one of everything, every table, with its own timestamps, and leaves no row behind', async () => {
    const browser = new BrowserClient(routes, '203.0.113.25');
    await signUp(browser, 'oz@example.com');
    const accountId = await learnerOf('oz@example.com');
    const guest = newLearnerId();
    const source = learnerRows();
    await replaceLearnerData({ id: guest, isNew: true }, toExport(source, new Date()));
    const before = await fetchLearnerRows(guest);
    for (const table of ROW_TABLES) expect(before[table].length, table).toBeGreaterThan(0);

    const merged = await mergeGuest(browser.withCookie('tc_learner', guest));
    expect(merged.status).toBe(200);
    const after = await fetchLearnerRows(accountId);
    for (const table of ROW_TABLES) expect(after[table].length, table).toBe(before[table].length);
    expect((await fetchLearnerRows(guest)).lessonProgress).toEqual([]);
    expect(await db.learner.count({ where: { id: guest } })).toBe(0);
    expect(after.lessonProgress.map((row) => row.updatedAt.toISOString()).sort()).toEqual(source.lessonProgress.map((row) => row.updatedAt.toISOString()).sort());
    expect(after.exerciseDrafts[0]!.updatedAt.toISOString()).toBe(source.exerciseDrafts[0]!.updatedAt.toISOString());
    expect(after.reviewLogs.every((log) => log.learnerId === accountId)).toBe(true);
    expect(after.learner.timeZone).toBe('Europe/Paris');
  });

  it('leaves behind a guest event the account already wrote (the same requestId), and moves the rest', async () => {
    const browser = new BrowserClient(routes, '203.0.113.28');
    await signUp(browser, 'ry@example.com');
    const accountId = await learnerOf('ry@example.com');
    const source = learnerRows();
    const accountOnly = { ...learnerRows(), lessonProgress: [], quizAnswers: [], drillEvents: [], mockSessions: [], mockQuestions: [], mockPhaseAnswers: [], drillAttempts: [], reviewCards: [], reviewLogs: [], submissions: [], exerciseDrafts: [] };
    accountOnly.progressEvents = [{ ...source.progressEvents[0]!, id: 'account-own-event' }];
    await replaceLearnerData({ id: accountId, isNew: false }, toExport(accountOnly, new Date()));
    const guest = newLearnerId();
    await replaceLearnerData({ id: guest, isNew: true }, toExport(source, new Date()));

    expect((await mergeGuest(browser.withCookie('tc_learner', guest))).status).toBe(200);
    const events = (await fetchLearnerRows(accountId)).progressEvents;
    expect(events.map((event) => event.requestId).sort()).toEqual(source.progressEvents.map((event) => event.requestId).sort());
  });

  it('discards the guest instead when it is not the learner’s: the guest is deleted, the account untouched', async () => {
    const browser = new BrowserClient(routes, '203.0.113.29');
    await signUp(browser, 'sol@example.com');
    await complete(browser, 'round-robin');
    await browser.call('POST', '/api/auth/sign-out', {});
    await complete(browser, 'ip-hash');
    const guest = browser.cookies.get('tc_learner')!;
    expect((await discardGuest(browser)).status).toBe(401);

    await signIn(browser, 'sol@example.com');
    const discarded = await discardGuest(browser);
    expect(discarded.status).toBe(204);
    expect(await db.learner.count({ where: { id: guest } })).toBe(0);
    expect(await db.lessonProgress.count({ where: { learnerId: guest } })).toBe(0);
    expect(browser.cookies.has('tc_learner')).toBe(false);
    expect(await completed(browser)).toEqual(['round-robin']);
    expect((await discardGuest(browser.withCookie('tc_learner', guest))).status).toBe(404);
  });

  it('merges once when two tabs ask at the same time: the other gets 404 or 409, and nothing is counted twice', async () => {
    const first = new BrowserClient(routes, '203.0.113.26');
    await complete(first, 'round-robin');
    await complete(first, 'ip-hash');
    await signUp(new BrowserClient(routes, '203.0.113.27'), 'pat@example.com');
    await signIn(first, 'pat@example.com');
    const second = first.clone();
    const statuses = (await Promise.all([mergeGuest(first), mergeGuest(second)])).map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(200);
    expect([404, 409]).toContain(statuses[1]);
    const accountId = await learnerOf('pat@example.com');
    expect(await db.lessonProgress.count({ where: { learnerId: accountId } })).toBe(2);
    expect(await db.progressEvent.count({ where: { learnerId: accountId } })).toBe(2);
  });
});
