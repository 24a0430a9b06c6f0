import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drillRequest, learnerCookie, newRequestId, params } from '../support/drill-api';
import { createEmptyDatabase, createFreshDatabase, migrationsDirectory } from '../support/temp-database';

createFreshDatabase();
const { POST: answer } = await import('@/app/api/drills/attempts/route');
const { POST: progress } = await import('@/app/api/progress/[lessonId]/route');
const { fetchDrillOverview, fetchPracticeList } = await import('@/server/drills/overview');
const { getCourse } = await import('@/server/content/lessons');
const { loadDrillBank } = await import('@/content/drills/bank');

const course = await getCourse();
const ipHash = course.lessonsById.get('ip-hash')!;
const choice = ipHash.frontmatter.quiz.find((question) => question.kind === 'choice')!;
if (choice.kind !== 'choice') throw new Error('fixture needs a choice question');

describe('the drills overview', () => {
  it('shows nothing started for a visitor', async () => {
    const overview = await fetchDrillOverview(undefined);
    expect(overview).toMatchObject({ started: false, answers: 0, history: [], activeMock: null, streak: { current: 0 } });
    expect(overview.topics).toHaveLength(course.lessons.length);
  });

  it('feeds lesson quiz answers and drill answers into the same per-topic mastery, weakest first', async () => {
    const quiz = await progress(
      drillRequest('POST', `/api/progress/${ipHash.id}`, { action: 'answer', requestId: newRequestId(), questionId: choice.id, response: choice.answer }),
      params({ lessonId: ipHash.id }),
    );
    const learner = learnerCookie(quiz);
    await answer(drillRequest('POST', '/api/drills/attempts', { requestId: newRequestId(), questionId: 'round-robin-when-and-why-not', answer: 'Round robin suits identical servers where requests cost the same.', timeZone: 'Asia/Tokyo' }, { cookie: learner }));

    const overview = await fetchDrillOverview(learner);
    const byTopic = new Map(overview.topics.map((topic) => [topic.topic.id, topic]));
    expect(byTopic.get('ip-hash')).toMatchObject({ quizAnswers: 1, questionsAnswered: 0, level: 'learning' });
    expect(byTopic.get('round-robin')).toMatchObject({ questionsAnswered: 1, level: 'weak' });
    expect(overview.topics.at(-1)!.level).toBe('not-started');
    const tried = overview.topics.filter((topic) => topic.level !== 'not-started');
    expect(tried.map((topic) => topic.mastery)).toEqual([...tried.map((topic) => topic.mastery)].sort((a, b) => a - b));
    expect(overview).toMatchObject({ started: true, answers: 1, streak: { current: 1, practisedToday: true } });
    expect(overview.reviews.dueNow).toBeGreaterThan(0);

    const weakest = await fetchPracticeList(learner, { weakest: true });
    expect(weakest).toHaveLength(loadDrillBank().questions.length);
    expect(weakest[0]!.topics.map((topic) => topic.id)).toContain('round-robin');
    expect(weakest.find((item) => item.id === 'round-robin-when-and-why-not')!.lastScore).toBeGreaterThan(0);
  });
});

describe('the drills migration', () => {
  it('applies to a database that already holds learners and progress from the init migration', async () => {
    const migrations = readdirSync(migrationsDirectory).filter((name) => /^\d{14}_/.test(name)).sort();
    const drills = migrations.findIndex((name) => name.endsWith('_drills'));
    expect(drills).toBeGreaterThan(0);
    const sql = (name: string) => readFileSync(path.join(migrationsDirectory, name, 'migration.sql'), 'utf8');
    const learner = 'a'.repeat(32);

    const db = await createEmptyDatabase();
    for (const name of migrations.slice(0, drills)) await db.exec(sql(name));
    await db.exec(`INSERT INTO "Learner" ("id") VALUES ('${learner}')`);
    await db.exec(`INSERT INTO "QuizAnswer" ("learnerId", "lessonId", "questionId", "answer", "correct") VALUES ('${learner}', 'ip-hash', 'q1', '0', true)`);

    await db.exec(sql(migrations[drills]!));
    expect(await db.rows('SELECT "id", "timeZone" FROM "Learner"')).toEqual([{ id: learner, timeZone: null }]);
    expect(await db.rows('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM "QuizAnswer"')).toEqual([{ n: 1 }]);
    expect(await db.tables()).toEqual(expect.arrayContaining(['DrillEvent', 'DrillAttempt', 'MockSession', 'MockQuestion', 'MockPhaseAnswer', 'ReviewCard', 'ReviewLog']));
    await db.close();
  });
});
