import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { signUp } from '../support/accounts';
import { BrowserClient, type Routes } from '../support/browser-client';
import { waitForALockWait } from '../support/lock-wait';
import { createFreshDatabase, openDatabase, testProvider } from '../support/temp-database';

/*
 * Two writes of one learner that touch the same keyed row at once: a quiz answer racing the guest
 * merge that moves a review card to the account, and two rejected submissions adding the same
 * failed-test cards. SQLite runs the transactions one after another; PostgreSQL overlaps them, so
 * one of them meets the other's row on a unique key. Each race is tried many times as it happens,
 * and once pinned (PostgreSQL only): the test holds the other write's transaction open until the
 * request is parked behind it, then commits.
 */

process.env.BETTER_AUTH_SECRET = 'integration-test-secret-0123456789abcdef';
const databaseUrl = createFreshDatabase();
const routes: Routes = {
  '/api/auth/[...all]': await import('@/app/api/auth/[...all]/route'),
  '/api/progress/[lessonId]': await import('@/app/api/progress/[lessonId]/route'),
  '/api/account/guest': await import('@/app/api/account/guest/route'),
};
const course = await (await import('@/server/content/lessons')).getCourse();
const { judgeSubmission } = await import('@/server/exercises/judge');
const { recordSubmission, saveDraft } = await import('@/server/exercises/learner-work');
const { cardsForFailedTests } = await import('@/lib/exercises/contract');
const { addReviewCards } = await import('@/server/learners/review-cards');
const db = await openDatabase(databaseUrl);
afterAll(() => db.$disconnect());

const TRIALS = 24;
const choiceQuestions = course.lessons.flatMap((lesson) =>
  lesson.frontmatter.quiz.flatMap((question) => (question.kind === 'choice' ? [{ lesson, question, right: question.answer, wrong: (question.answer + 1) % question.choices.length }] : [])),
);
const answer = (tab: BrowserClient, lessonId: string, questionId: string, response: number, requestId = randomUUID()) =>
  tab.call('POST', `/api/progress/${lessonId}`, { action: 'answer', requestId, questionId, response });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mergeGuest = (tab: BrowserClient) => tab.call('POST', '/api/account/guest');

describe('a quiz answer sent while the guest merge moves the same question’s review card into the account', () => {
  const laptop = new BrowserClient(routes, '203.0.113.61');
  let accountId = '';

  /** The account answered right; a guest on the same browser answered wrong (and holds the card). Answers the guest's id. */
  async function guestWhoMissed(index: number): Promise<string> {
    const { lesson, question, right, wrong } = choiceQuestions[index]!;
    expect((await answer(laptop, lesson.id, question.id, right)).json.correct).toBe(true);
    const guest = new BrowserClient(routes, laptop.ip);
    expect((await answer(guest, lesson.id, question.id, wrong)).json.correct).toBe(false);
    return guest.cookies.get('tc_learner')!;
  }

  /** What a learner was told is what the database holds: the answer's event, and the answer as the latest one. */
  async function expectStored(index: number, requestId: string): Promise<void> {
    const { lesson, question } = choiceQuestions[index]!;
    expect(await db.progressEvent.count({ where: { learnerId: accountId, requestId } })).toBe(1);
    const stored = await db.quizAnswer.findUniqueOrThrow({ where: { learnerId_lessonId_questionId: { learnerId: accountId, lessonId: lesson.id, questionId: question.id } } });
    expect(stored.correct).toBe(false);
  }

  it('keeps every acknowledged answer over many tries', async () => {
    expect((await signUp(laptop, 'tab-race@example.com')).status).toBe(200);
    accountId = (await db.user.findUniqueOrThrow({ where: { email: 'tab-race@example.com' }, include: { learner: true } })).learner!.id;
    expect(choiceQuestions.length).toBeGreaterThan(TRIALS + 1);
    for (let index = 0; index < TRIALS; index++) {
      const guestId = await guestWhoMissed(index);
      const { lesson, question, wrong } = choiceQuestions[index]!;
      const requestId = randomUUID();
      // The merge reads both learners before it moves anything: the answer starts a little later each try.
      const [merged, answered] = await Promise.all([
        mergeGuest(laptop.clone().withCookie('tc_learner', guestId)),
        sleep((index * 3) % 72).then(() => answer(laptop.clone().withCookie('tc_learner', guestId), lesson.id, question.id, wrong, requestId)),
      ]);
      expect(answered.status).toBe(200);
      expect(answered.json.correct).toBe(false);
      // A merge that met the answer's write may refuse (409) and move nothing; it never half-moves.
      expect([200, 409]).toContain(merged.status);
      await expectStored(index, requestId);
    }
  });

  it.runIf(testProvider === 'postgresql')('keeps an answer that waited on the merge moving that card, pinned', async () => {
    const index = TRIALS;
    const guestId = await guestWhoMissed(index);
    const { lesson, question, wrong } = choiceQuestions[index]!;
    const requestId = randomUUID();
    let answered: Promise<{ status: number; correct?: unknown }> = Promise.resolve({ status: 0 });
    // The merge's step that matters: the guest's card changes owner, uncommitted while the answer runs.
    await db.$transaction(
      async (merge) => {
        await merge.reviewCard.updateMany({ where: { learnerId: guestId }, data: { learnerId: accountId } });
        answered = answer(laptop, lesson.id, question.id, wrong, requestId).then(
          ({ status, json }) => ({ status, correct: json.correct }),
          () => ({ status: 500 }),
        );
        await waitForALockWait(db);
      },
      { timeout: 15_000 },
    );
    expect(await answered).toEqual({ status: 200, correct: false });
    await expectStored(index, requestId);
  });
});

describe('two rejected submissions of one learner stored at once', () => {
  const decoy = readFileSync('content/exercises/round-robin/decoy.ts', 'utf8');

  async function rejectedVerdict() {
    const verdict = await judgeSubmission('round-robin', decoy);
    expect(verdict.status).toBe('rejected');
    return verdict;
  }

  it('stores both, with one review card per failed test, over many tries', async () => {
    const verdict = await rejectedVerdict();
    const cards = cardsForFailedTests({ id: 'round-robin', title: 'Round robin', lesson: 'round-robin' }, verdict);
    expect(cards.length).toBeGreaterThan(0);
    for (let trial = 0; trial < TRIALS; trial++) {
      const learner = { id: randomUUID().replaceAll('-', ''), isNew: false };
      await db.learner.create({ data: { id: learner.id } });
      const results = await Promise.allSettled([recordSubmission(learner, 'round-robin', decoy, verdict), recordSubmission(learner, 'round-robin', decoy, verdict)]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(await db.submission.count({ where: { learnerId: learner.id } })).toBe(2);
      expect(await db.reviewCard.count({ where: { learnerId: learner.id } })).toBe(cards.length);
    }
  });

  it.runIf(testProvider === 'postgresql')('stores a submission that waited on the other one adding the same cards, pinned', async () => {
    const verdict = await rejectedVerdict();
    const learner = { id: randomUUID().replaceAll('-', ''), isNew: false };
    await db.learner.create({ data: { id: learner.id } });
    const exercise = { id: 'round-robin', title: 'Round robin', lesson: 'round-robin' };
    let stored: Promise<string> = Promise.resolve('');
    await db.$transaction(
      async (other) => {
        await addReviewCards(learner.id, cardsForFailedTests(exercise, verdict), { tx: other });
        stored = recordSubmission(learner, 'round-robin', decoy, verdict).then(
          () => 'stored',
          (error: unknown) => `failed: ${String(error).slice(0, 120)}`,
        );
        await waitForALockWait(db);
      },
      { timeout: 15_000 },
    );
    expect(await stored).toBe('stored');
    expect(await db.submission.count({ where: { learnerId: learner.id } })).toBe(1);
  });
});

describe('exercise writes retried with their requestId', () => {
  const decoy = readFileSync('content/exercises/round-robin/decoy.ts', 'utf8');

  it('stores a submission sent 10 times at once with one requestId once, and every copy answers the same row', async () => {
    const verdict = await judgeSubmission('round-robin', decoy);
    const learner = { id: randomUUID().replaceAll('-', ''), isNew: false };
    await db.learner.create({ data: { id: learner.id } });
    const requestId = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => recordSubmission(learner, 'round-robin', decoy, verdict, requestId)));
    expect(new Set(results.map((result) => result.submission.id)).size).toBe(1);
    expect(await db.submission.count({ where: { learnerId: learner.id } })).toBe(1);
    expect(await db.drillEvent.count({ where: { learnerId: learner.id, requestId } })).toBe(1);
  });

  it('ignores a late copy of an older draft save: the newer code stays', async () => {
    const learner = { id: randomUUID().replaceAll('-', ''), isNew: false };
    await db.learner.create({ data: { id: learner.id } });
    const older = randomUUID();
    await saveDraft(learner, 'round-robin', '// first', older);
    await saveDraft(learner, 'round-robin', '// second', randomUUID());
    await saveDraft(learner, 'round-robin', '// first', older);
    const draft = await db.exerciseDraft.findUniqueOrThrow({ where: { learnerId_exerciseId: { learnerId: learner.id, exerciseId: 'round-robin' } } });
    expect(draft.code).toBe('// second');
  });

  it('refuses a requestId already used for another kind of write (409)', async () => {
    const learner = { id: randomUUID().replaceAll('-', ''), isNew: false };
    await db.learner.create({ data: { id: learner.id } });
    const requestId = randomUUID();
    await saveDraft(learner, 'round-robin', '// draft', requestId);
    await expect(recordSubmission(learner, 'round-robin', decoy, await judgeSubmission('round-robin', decoy), requestId)).rejects.toMatchObject({ status: 409 });
  });
});
