import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, openDatabase } from '../support/temp-database';

const databaseUrl = createFreshDatabase();
const { GET } = await import('@/app/api/progress/route');
const { POST } = await import('@/app/api/progress/[lessonId]/route');
const { getCourse } = await import('@/server/content/lessons');
const course = await getCourse();
const lesson = course.lessons[3]!;
const choiceQuestion = lesson.frontmatter.quiz.find((question) => question.kind === 'choice')!;
if (choiceQuestion.kind !== 'choice') throw new Error('fixture needs a choice question');

const ORIGIN = 'http://localhost:3000';
let requestCounter = 0;
const newRequestId = () => `test-request-${++requestCounter}-${Date.now()}`;

function post(lessonId: string, body: unknown, init: { cookie?: string; headers?: Record<string, string>; raw?: string } = {}) {
  const headers = new Headers({ 'content-type': 'application/json', origin: ORIGIN, ...init.headers });
  if (init.cookie) headers.set('cookie', `tc_learner=${init.cookie}`);
  const request = new NextRequest(`${ORIGIN}/api/progress/${lessonId}`, { method: 'POST', headers, body: init.raw ?? JSON.stringify(body) });
  return POST(request, { params: Promise.resolve({ lessonId }) });
}

async function progressOf(cookie: string) {
  const response = await GET(new NextRequest(`${ORIGIN}/api/progress`, { headers: { cookie: `tc_learner=${cookie}` } }));
  return (await response.json()) as { lessons: Record<string, { completed: boolean; answers: Record<string, { correct: boolean }> }> };
}

function learnerCookie(response: Response): string {
  const match = /tc_learner=([a-f0-9]{32})/.exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('no learner cookie set');
  return match[1]!;
}

/** A second client on the same file, as a restarted server would open it. */
const independent = await openDatabase(databaseUrl);
const rowCounts = async () => ({
  learners: await independent.learner.count(),
  events: await independent.progressEvent.count(),
  lessons: await independent.lessonProgress.count(),
  answers: await independent.quizAnswer.count(),
});

let learner = '';
beforeAll(async () => {
  const response = await post(lesson.id, { action: 'complete', requestId: newRequestId() });
  expect(response.status).toBe(200);
  learner = learnerCookie(response);
});
afterAll(() => independent.$disconnect());

describe('progress API on a real database', () => {
  it('creates an anonymous learner on the first write, with an httpOnly SameSite=Lax cookie', async () => {
    const response = await post(lesson.id, { action: 'complete', requestId: newRequestId() });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(await independent.learner.count({ where: { id: learnerCookie(response) } })).toBe(1);
  });

  it('marks a lesson complete, and the write is in the database file for the next process', async () => {
    expect((await progressOf(learner)).lessons[lesson.id]?.completed).toBe(true);
    const row = await independent.lessonProgress.findUnique({ where: { learnerId_lessonId: { learnerId: learner, lessonId: lesson.id } } });
    expect(row?.completedAt).toBeInstanceOf(Date);
  });

  it('reopens a lesson without setting a new cookie for a known learner', async () => {
    const response = await post(lesson.id, { action: 'reopen', requestId: newRequestId() }, { cookie: learner });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await response.json()).lesson.completed).toBe(false);
    await post(lesson.id, { action: 'complete', requestId: newRequestId() }, { cookie: learner });
  });

  it('grades quiz answers on the server', async () => {
    const wrong = (choiceQuestion.answer + 1) % choiceQuestion.choices.length;
    const bad = await post(lesson.id, { action: 'answer', requestId: newRequestId(), questionId: choiceQuestion.id, response: wrong }, { cookie: learner });
    expect((await bad.json()).correct).toBe(false);
    const good = await post(lesson.id, { action: 'answer', requestId: newRequestId(), questionId: choiceQuestion.id, response: choiceQuestion.answer }, { cookie: learner });
    expect((await good.json()).correct).toBe(true);
    expect((await progressOf(learner)).lessons[lesson.id]?.answers[choiceQuestion.id]).toEqual({ correct: true });
  });

  it('puts a wrongly answered quiz question in the review deck once, and a right answer adds nothing', async () => {
    const fresh = learnerCookie(await post(lesson.id, { action: 'complete', requestId: newRequestId() }));
    const cards = () => independent.reviewCard.findMany({ where: { learnerId: fresh } });
    const wrong = (choiceQuestion.answer + 1) % choiceQuestion.choices.length;

    await post(lesson.id, { action: 'answer', requestId: newRequestId(), questionId: choiceQuestion.id, response: choiceQuestion.answer }, { cookie: fresh });
    expect(await cards()).toEqual([]);

    const missed = await post(lesson.id, { action: 'answer', requestId: newRequestId(), questionId: choiceQuestion.id, response: wrong }, { cookie: fresh });
    expect((await missed.json()).correct).toBe(false);
    const [card] = await cards();
    expect(card).toMatchObject({ sourceKey: `quiz:${lesson.id}:${choiceQuestion.id}`, source: 'quiz', topic: lesson.id, href: `/learn/${lesson.slug}#quiz` });
    expect(card!.back).toContain(choiceQuestion.choices[choiceQuestion.answer]!);
    expect(card!.due.getTime()).toBeLessThanOrEqual(Date.now());

    await post(lesson.id, { action: 'answer', requestId: newRequestId(), questionId: choiceQuestion.id, response: wrong }, { cookie: fresh });
    expect(await cards()).toHaveLength(1);
  });

  it('makes a new learner and the card in one write when the first thing they do is answer wrongly', async () => {
    const wrong = (choiceQuestion.answer + 1) % choiceQuestion.choices.length;
    const response = await post(lesson.id, { action: 'answer', requestId: newRequestId(), questionId: choiceQuestion.id, response: wrong });
    expect(response.status).toBe(200);
    expect(await independent.reviewCard.count({ where: { learnerId: learnerCookie(response) } })).toBe(1);
  });

  it('applies a retried request once', async () => {
    const requestId = newRequestId();
    const before = await rowCounts();
    const first = await post(course.lessons[0]!.id, { action: 'complete', requestId }, { cookie: learner });
    const retry = await post(course.lessons[0]!.id, { action: 'complete', requestId }, { cookie: learner });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect((await rowCounts()).events).toBe(before.events + 1);
  });

  it('records the content version each event was earned against, while progress stays keyed by lesson id', async () => {
    const events = await independent.progressEvent.findMany({ where: { learnerId: learner, lessonId: lesson.id } });
    expect(events.every((event) => event.contentVersion === lesson.contentVersion)).toBe(true);
    const { fetchProgress } = await import('@/server/learners/progress');
    expect((await fetchProgress(learner)).lessons[lesson.id]?.completed).toBe(true);
  });

  it('keeps progress when the lesson is edited and moved: it is keyed by the stable id', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { loadCourse, LESSONS_DIR } = await import('@/server/content/course-loader');
    const { outline } = await import('@/content/outline');
    const dir = mkdtempSync(path.join(tmpdir(), 'lessons-'));
    cpSync(LESSONS_DIR, dir, { recursive: true });
    const file = path.join(dir, `${lesson.slug}.mdx`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nA paragraph added by an editor.\n`);
    // Move the last lesson of the first module to the end of the course: every later lesson shifts up one.
    const moved = outline[0]!.lessons.at(-1)!;
    const reordered = outline.map((courseModule, index) => ({
      ...courseModule,
      lessons: index === 0 ? courseModule.lessons.slice(0, -1) : index === outline.length - 1 ? [...courseModule.lessons, moved] : courseModule.lessons,
    }));
    const edited = (await loadCourse(reordered, dir)).lessonsById.get(lesson.id)!;
    expect(edited.contentVersion).not.toBe(lesson.contentVersion);
    expect(edited.position).not.toBe(lesson.position);

    const { fetchProgress, recordProgress } = await import('@/server/learners/progress');
    expect((await fetchProgress(learner)).lessons[lesson.id]?.completed).toBe(true);
    await recordProgress({ id: learner, isNew: false }, edited, { action: 'complete', requestId: newRequestId() });
    const versions = (await independent.progressEvent.findMany({ where: { learnerId: learner, lessonId: lesson.id } })).map((event) => event.contentVersion);
    expect(new Set(versions)).toEqual(new Set([lesson.contentVersion, edited.contentVersion]));
  });

  it('treats a well-formed but unknown learner cookie as a new learner', async () => {
    const response = await post(lesson.id, { action: 'complete', requestId: newRequestId() }, { cookie: 'f'.repeat(32) });
    expect(response.status).toBe(200);
    expect(learnerCookie(response)).not.toBe('f'.repeat(32));
  });

  it('shows nothing to a visitor without a cookie, and never creates a learner on read', async () => {
    const before = await rowCounts();
    const response = await GET(new NextRequest(`${ORIGIN}/api/progress`));
    expect(await response.json()).toEqual({ lessons: {} });
    expect(await rowCounts()).toEqual(before);
  });
});

describe('bad input writes nothing', () => {
  const valid = () => ({ action: 'complete', requestId: newRequestId() });
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    ['malformed JSON', () => post(lesson.id, null, { raw: '{"action": "complete",' }), 400, /not valid JSON/],
    ['a body over 4 KB', () => post(lesson.id, null, { raw: JSON.stringify({ ...valid(), pad: 'x'.repeat(5000) }) }), 400, /too large/],
    ['an unknown field', () => post(lesson.id, { ...valid(), admin: true }), 400, /Unrecognized key|admin/],
    ['an unknown action', () => post(lesson.id, { action: 'delete', requestId: newRequestId() }), 400, /action/],
    ['a wrongly typed field', () => post(lesson.id, { action: 'complete', requestId: 12345678 }), 400, /requestId/],
    ['an array body', () => post(lesson.id, [valid()]), 400, /Invalid progress request/],
    ['an unknown question', () => post(lesson.id, { action: 'answer', requestId: newRequestId(), questionId: 'no-such-question', response: 0 }), 400, /no quiz question/],
    ['an unknown lesson', () => post('no-such-lesson', valid()), 404, /no lesson/],
    ['an injection string as lesson id', () => post("x' OR 1=1; --", valid()), 404, /no lesson/],
    ['a form-encoded body', () => post(lesson.id, valid(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, /JSON/],
    ['a cross-site origin', () => post(lesson.id, valid(), { headers: { origin: 'https://evil.example' } }), 403, /Cross-site/],
  ];

  it.each(cases)('refuses %s with a clear message', async (_name, send, status, message) => {
    const before = await rowCounts();
    const response = await send();
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });
});
