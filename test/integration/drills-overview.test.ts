import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { drillRequest, learnerCookie, newRequestId, params } from '../support/drill-api';
import { createFreshSqliteDatabase } from '../support/temp-database';

createFreshSqliteDatabase();
const { POST: answer } = await import('@/app/api/drills/attempts/route');
const { POST: progress } = await import('@/app/api/progress/[lessonId]/route');
const { fetchDrillOverview, fetchPracticeList } = await import('@/lib/server/drill-overview');
const { getCourse } = await import('@/lib/server/lessons');
const { loadDrillBank } = await import('@/lib/drills/load-bank');

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
  it('applies to a database that already holds learners and progress from the init migration', () => {
    const dir = path.join(process.cwd(), 'prisma', 'migrations');
    const migrations = readdirSync(dir).filter((name) => /^\d{14}_/.test(name)).sort();
    const drills = migrations.findIndex((name) => name.endsWith('_drills'));
    expect(drills).toBeGreaterThan(0);
    const sql = (name: string) => readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');

    const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'traffic-cop-migrate-')), 'existing.db'));
    for (const name of migrations.slice(0, drills)) db.exec(sql(name));
    db.prepare('INSERT INTO "Learner" ("id") VALUES (?)').run('a'.repeat(32));
    db.prepare('INSERT INTO "QuizAnswer" ("learnerId", "lessonId", "questionId", "answer", "correct") VALUES (?, ?, ?, ?, ?)').run('a'.repeat(32), 'ip-hash', 'q1', '0', 1);

    db.exec(sql(migrations[drills]!));
    expect(db.prepare('SELECT "id", "timeZone" FROM "Learner"').all()).toEqual([{ id: 'a'.repeat(32), timeZone: null }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM "QuizAnswer"').get()).toEqual({ n: 1 });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all().map((row) => (row as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['DrillEvent', 'DrillAttempt', 'MockSession', 'MockQuestion', 'MockPhaseAnswer', 'ReviewCard', 'ReviewLog']));
    db.close();
  });
});
