import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, type Routes } from '../support/browser-client';
import { waitForALockWait } from '../support/lock-wait';
import { createFreshDatabase, openDatabase, testProvider } from '../support/temp-database';

/*
 * Writes that arrive at once, as they do from a retrying client or from two tabs of one browser.
 * The handlers are called directly, concurrently, on a real database (SQLite, or PostgreSQL with
 * TEST_POSTGRES_URL), and every expectation is checked by counting rows.
 */

const databaseUrl = createFreshDatabase();
const routes: Routes = {
  '/api/progress/[lessonId]': await import('@/app/api/progress/[lessonId]/route'),
  '/api/exercises/[id]/draft': await import('@/app/api/exercises/[id]/draft/route'),
  '/api/drills/attempts': await import('@/app/api/drills/attempts/route'),
};
const course = await (await import('@/server/content/lessons')).getCourse();
const bank = (await import('@/content/drills/bank')).loadDrillBank();
const { scoreAnswer } = await import('@/lib/drills/score');
const { cardsForMissedPoints } = await import('@/lib/drills/review-cards');
const { addReviewCards } = await import('@/server/learners/review-cards');
const db = await openDatabase(databaseUrl);
afterAll(() => db.$disconnect());

const lessons = course.lessons.map((lesson) => lesson.id);
const choiceQuestions = course.lessons.flatMap((lesson) => lesson.frontmatter.quiz.filter((question) => question.kind === 'choice').map((question) => ({ lessonId: lesson.id, questionId: question.id })));
const drillQuestions = bank.questions.map((question) => question.id);
const PARTIAL_ANSWER = 'It sends each request to the next server in turn.';

type Tab = BrowserClient;
const progress = (tab: Tab, lessonId: string, body: Record<string, unknown>) => tab.call('POST', `/api/progress/${lessonId}`, body);
const answerDrill = (tab: Tab, questionId: string, requestId = randomUUID()) => tab.call('POST', '/api/drills/attempts', { requestId, questionId, answer: PARTIAL_ANSWER });
const saveDraft = (tab: Tab, exerciseId: string, code: string) => tab.call('PUT', `/api/exercises/${exerciseId}/draft`, { code });
const learnerOf = (tab: Tab) => tab.cookies.get('tc_learner')!;
const statuses = (responses: { status: number }[]) => [...new Set(responses.map((response) => response.status))];

/** A learner with a cookie: one browser tab that has already saved something. */
async function newLearner(): Promise<Tab> {
  const tab = new BrowserClient(routes);
  expect((await progress(tab, lessons[0]!, { action: 'reopen', requestId: randomUUID() })).status).toBe(200);
  return tab;
}

describe('a write retried while the first copy is still in flight', () => {
  let tab: Tab;
  beforeAll(async () => {
    tab = await newLearner();
  });

  it('counts a progress write sent 20 times at once with one requestId exactly once', async () => {
    const requestId = randomUUID();
    const learnersBefore = await db.learner.count();
    const responses = await Promise.all(Array.from({ length: 20 }, () => progress(tab, lessons[1]!, { action: 'complete', requestId })));
    expect(statuses(responses)).toEqual([200]);
    expect(responses.every((response) => (response.json.lesson as { completed: boolean }).completed)).toBe(true);
    expect(await db.progressEvent.count({ where: { learnerId: learnerOf(tab), requestId } })).toBe(1);
    expect(await db.learner.count()).toBe(learnersBefore);
    const row = await db.lessonProgress.findUniqueOrThrow({ where: { learnerId_lessonId: { learnerId: learnerOf(tab), lessonId: lessons[1]! } } });
    expect(row.completedAt).toBeInstanceOf(Date);
  });

  it('then reopens it once, however many copies of the reopen arrive together', async () => {
    const requestId = randomUUID();
    const responses = await Promise.all(Array.from({ length: 20 }, () => progress(tab, lessons[1]!, { action: 'reopen', requestId })));
    expect(statuses(responses)).toEqual([200]);
    expect(await db.progressEvent.count({ where: { learnerId: learnerOf(tab), lessonId: lessons[1]! } })).toBe(2);
    const row = await db.lessonProgress.findUniqueOrThrow({ where: { learnerId_lessonId: { learnerId: learnerOf(tab), lessonId: lessons[1]! } } });
    expect(row.completedAt).toBeNull();
  });

  it('stores a drill answer sent 20 times at once with one requestId once, and every copy gets the same attempt back', async () => {
    const requestId = randomUUID();
    const responses = await Promise.all(Array.from({ length: 20 }, () => answerDrill(tab, drillQuestions[0]!, requestId)));
    expect(statuses(responses)).toEqual([200]);
    expect(new Set(responses.map((response) => response.json.attemptId)).size).toBe(1);
    expect(await db.drillEvent.count({ where: { learnerId: learnerOf(tab), requestId } })).toBe(1);
    expect(await db.drillAttempt.count({ where: { learnerId: learnerOf(tab) } })).toBe(1);
  });
});

describe('two tabs of one learner writing at the same time', () => {
  it('stores all 50 progress writes (24 lessons completed, 26 quiz answers) and all 50 drill answers, interleaved', async () => {
    const first = await newLearner();
    const second = first.clone();
    const learnerId = learnerOf(first);
    const tabFor = (index: number) => (index % 2 === 0 ? first : second);
    const answers = choiceQuestions.slice(0, 50 - lessons.length);
    const progressWrites = [
      ...lessons.map((lessonId, index) => () => progress(tabFor(index), lessonId, { action: 'complete', requestId: randomUUID() })),
      ...answers.map(({ lessonId, questionId }, index) => () => progress(tabFor(index + 1), lessonId, { action: 'answer', requestId: randomUUID(), questionId, response: 0 })),
    ];
    const drillWrites = drillQuestions.slice(0, 50).map((questionId, index) => () => answerDrill(tabFor(index + 1), questionId));
    expect(progressWrites).toHaveLength(50);
    expect(drillWrites).toHaveLength(50);

    const responses = await Promise.all(progressWrites.flatMap((write, index) => [write(), drillWrites[index]!()]));

    expect(statuses(responses)).toEqual([200]);
    expect([first, second].map(learnerOf)).toEqual([learnerId, learnerId]);
    expect(await db.progressEvent.count({ where: { learnerId } })).toBe(1 + 50);
    expect(await db.lessonProgress.count({ where: { learnerId, completedAt: { not: null } } })).toBe(lessons.length);
    expect(await db.quizAnswer.count({ where: { learnerId } })).toBe(answers.length);
    expect(await db.drillEvent.count({ where: { learnerId } })).toBe(50);
    expect(new Set((await db.drillAttempt.findMany({ where: { learnerId } })).map((attempt) => attempt.questionId))).toEqual(new Set(drillQuestions.slice(0, 50)));
  });

  it('keeps both drafts when the tabs save two exercises at once, each ending at its last version', async () => {
    const first = await newLearner();
    const second = first.clone();
    const versions = (exerciseId: string) => Array.from({ length: 10 }, (_, index) => `// ${exerciseId}, version ${index + 1}\n`);
    // Each tab saves its own exercise in order, as the debounced editor does; the tabs overlap.
    const typeInto = async (tab: Tab, exerciseId: string) => {
      for (const code of versions(exerciseId)) expect((await saveDraft(tab, exerciseId, code)).status).toBe(200);
    };
    await Promise.all([typeInto(first, 'round-robin'), typeInto(second, 'least-connections')]);

    const drafts = await db.exerciseDraft.findMany({ where: { learnerId: learnerOf(first) }, orderBy: { exerciseId: 'asc' } });
    expect(drafts.map((draft) => [draft.exerciseId, draft.code])).toEqual([
      ['least-connections', versions('least-connections').at(-1)],
      ['round-robin', versions('round-robin').at(-1)],
    ]);
  });
});

describe("a brand-new visitor's two tabs both writing before either has a cookie", () => {
  it('makes two anonymous learners, one per tab, each with its own cookie and only its own write', async () => {
    const first = new BrowserClient(routes);
    const second = first.clone();
    const learnersBefore = await db.learner.count();

    const responses = await Promise.all([
      progress(first, lessons[2]!, { action: 'complete', requestId: randomUUID() }),
      progress(second, lessons[3]!, { action: 'complete', requestId: randomUUID() }),
    ]);

    // Anonymous identity is the cookie a write sets; two writes with no cookie cannot know of each
    // other, so each creates a learner. Signing up in one tab later claims only that tab's learner.
    expect(statuses(responses)).toEqual([200]);
    expect(responses.map((response) => response.response.headers.getSetCookie().filter((line) => line.startsWith('tc_learner=')))).toEqual([
      [expect.stringMatching(/^tc_learner=[a-f0-9]{32};/)],
      [expect.stringMatching(/^tc_learner=[a-f0-9]{32};/)],
    ]);
    expect(learnerOf(first)).not.toBe(learnerOf(second));
    expect(await db.learner.count()).toBe(learnersBefore + 2);
    for (const [tab, lessonId] of [[first, lessons[2]!], [second, lessons[3]!]] as const) {
      const events = await db.progressEvent.findMany({ where: { learnerId: learnerOf(tab) } });
      expect(events.map((event) => [event.lessonId, event.kind])).toEqual([[lessonId, 'complete']]);
    }

    // From then on each tab keeps its own learner: the next write sets no cookie and creates nobody.
    const next = await progress(second, lessons[4]!, { action: 'complete', requestId: randomUUID() });
    expect(next.response.headers.getSetCookie()).toEqual([]);
    expect(await db.learner.count()).toBe(learnersBefore + 2);
  });
});

describe('two tabs of one learner writing the same row at the same time', () => {
  it('stores both completions when both tabs complete the same lesson at once', async () => {
    const first = await newLearner();
    const second = first.clone();
    const targets = lessons.slice(5, 15);
    const responses = await Promise.all(targets.flatMap((lessonId) => [first, second].map((tab) => progress(tab, lessonId, { action: 'complete', requestId: randomUUID() }))));
    expect(statuses(responses)).toEqual([200]);
    expect(await db.progressEvent.count({ where: { learnerId: learnerOf(first), lessonId: { in: targets } } })).toBe(2 * targets.length);
    expect(await db.lessonProgress.count({ where: { learnerId: learnerOf(first), lessonId: { in: targets }, completedAt: { not: null } } })).toBe(targets.length);
  });

  it("keeps one tab's code when both save the same exercise's first draft at once (the later write wins)", async () => {
    const first = await newLearner();
    const second = first.clone();
    const exercises = ['round-robin', 'least-connections', 'ip-hash'];
    const responses = await Promise.all(exercises.flatMap((id) => [saveDraft(first, id, `// ${id} from the first tab\n`), saveDraft(second, id, `// ${id} from the second tab\n`)]));
    expect(statuses(responses)).toEqual([200]);
    const drafts = await db.exerciseDraft.findMany({ where: { learnerId: learnerOf(first) } });
    expect(drafts.map((draft) => draft.exerciseId).sort()).toEqual([...exercises].sort());
    for (const draft of drafts) expect(draft.code).toMatch(new RegExp(`^// ${draft.exerciseId} from the (first|second) tab\n$`));
  });

  // On PostgreSQL both transactions run side by side and insert the same ReviewCard (learnerId,
  // sourceKey); applyDrillWrite reruns the loser, which then finds the card. SQLite queues them.
  it('stores both answers when both tabs answer the same drill question at once', async () => {
    const first = await newLearner();
    const second = first.clone();
    const questions = drillQuestions.slice(0, 10);
    const responses = await Promise.all(questions.flatMap((questionId) => [answerDrill(first, questionId), answerDrill(second, questionId)]));
    expect(statuses(responses)).toEqual([200]);
    expect(await db.drillEvent.count({ where: { learnerId: learnerOf(first) } })).toBe(2 * questions.length);
    expect(await db.drillAttempt.count({ where: { learnerId: learnerOf(first) } })).toBe(2 * questions.length);
  });

  // The same race pinned down, since two requests at once may or may not overlap: the other tab's
  // transaction has inserted the cards and not committed, this tab's answer waits on them, then
  // the other tab commits. Only PostgreSQL lets the two transactions overlap like that.
  it.runIf(testProvider === 'postgresql')('stores an answer that waited on another tab adding the same review cards', async () => {
    const tab = await newLearner();
    const learnerId = learnerOf(tab);
    const question = bank.questionsById.get(drillQuestions[0]!)!;
    const cards = cardsForMissedPoints(question, scoreAnswer(PARTIAL_ANSWER, question).points, (lesson) => lesson.slug);
    expect(cards.length).toBeGreaterThan(0);
    let answered: Promise<{ status: number; error?: unknown }> = Promise.resolve({ status: 0 });
    await db.$transaction(
      async (otherTab) => {
        await addReviewCards(learnerId, cards, { tx: otherTab });
        // A route handler that throws is what Next answers with a 500.
        answered = answerDrill(tab, question.id).then(({ status }) => ({ status }), (error: unknown) => ({ status: 500, error }));
        await waitForALockWait(db);
      },
      { timeout: 15_000 },
    );
    expect(await answered).toEqual({ status: 200 });
    expect(await db.drillAttempt.count({ where: { learnerId } })).toBe(1);
    expect(await db.reviewCard.count({ where: { learnerId } })).toBe(cards.length);
  });
});

describe('a write that lands while another request is inside a transaction', () => {
  // @prisma/adapter-better-sqlite3 runs the whole process on one connection. On its own it makes
  // only transactions wait for each other: a statement outside any transaction joined whichever one
  // was open and was undone when that one rolled back (a new learner's first write vanished so).
  // server/db/sqlite-turns.ts makes every statement wait its turn. PostgreSQL gives each its own
  // pooled connection.
  async function rollBackWhile(start: () => void, landed: () => Promise<boolean>): Promise<void> {
    const { db: appDb } = await import('@/server/db/db');
    const rolledBack = appDb.$transaction(async (other) => {
      await other.learner.count();
      start();
      for (let tries = 0; tries < 100 && !(await landed()); tries++) await new Promise((resolve) => setTimeout(resolve, 5));
      await other.learner.count();
      throw new Error('the other request fails and rolls back');
    });
    await expect(rolledBack).rejects.toThrow('rolls back');
  }

  it('keeps a statement made outside any transaction', async () => {
    const { db: appDb } = await import('@/server/db/db');
    const id = randomUUID();
    let written: Promise<unknown> = Promise.resolve();
    await rollBackWhile(
      // A Prisma query starts when awaited: then() sends it now, while the other transaction is open.
      () => (written = appDb.learner.create({ data: { id } }).then(() => undefined)),
      async () => (await db.learner.count({ where: { id } })) === 1,
    );
    await written;
    expect(await db.learner.count({ where: { id } })).toBe(1);
  });

  it("keeps a new learner's first write", async () => {
    const tab = new BrowserClient(routes);
    let answered: Promise<{ status: number; error?: unknown }> = Promise.resolve({ status: 0 });
    await rollBackWhile(
      () => (answered = progress(tab, lessons[0]!, { action: 'complete', requestId: randomUUID() }).then(({ status }) => ({ status }), (error: unknown) => ({ status: 500, error }))),
      async () => tab.cookies.has('tc_learner'),
    );
    expect(await answered).toEqual({ status: 200 });
    expect(await db.learner.count({ where: { id: learnerOf(tab) } })).toBe(1);
    expect(await db.progressEvent.count({ where: { learnerId: learnerOf(tab) } })).toBe(1);
  });
});
