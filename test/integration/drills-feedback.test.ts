import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillRequest, json, learnerCookie, newRequestId, params } from '../support/drill-api';
import { createFreshDatabase, openDatabase } from '../support/temp-database';
import type { DrillQuestion } from '@/lib/drills/question-schema';
import type { AttemptFeedback } from '@/lib/drills/view';

const databaseUrl = createFreshDatabase();
const { POST: answer } = await import('@/app/api/drills/attempts/route');
const { POST: rate } = await import('@/app/api/drills/attempts/[attemptId]/rating/route');
const { POST: dispute } = await import('@/app/api/drills/attempts/[attemptId]/disputes/route');
const { loadDrillBank } = await import('@/content/drills/bank');
const { rubricVersion } = await import('@/lib/drills/rubric-version');
const { fetchMastery } = await import('@/server/drills/mastery');

const bank = loadDrillBank();
/** A sentence stating a misconception, built from its first affirmative alternative. */
function misconceptionSentence(question: DrillQuestion): { id: string; sentence: string } | null {
  for (const point of question.rubric) {
    for (const misconception of point.misconceptions) {
      const alternative = misconception.match.find((candidate) => !candidate.negated);
      if (alternative) return { id: misconception.id, sentence: `${alternative.terms.map((term) => term[0]).join(' ')}.` };
    }
  }
  return null;
}
const withMisconception = bank.questions.map((question) => ({ question, found: misconceptionSentence(question) })).find(({ found }) => found !== null)!;
const question = withMisconception.question;

const send = (body: unknown, cookie?: string) => answer(drillRequest('POST', '/api/drills/attempts', body, { cookie }));
const sendDispute = (attemptId: string, body: unknown, cookie?: string) => dispute(drillRequest('POST', `/api/drills/attempts/${attemptId}/disputes`, body, { cookie }), params({ attemptId }));
const independent = await openDatabase(databaseUrl);

let learner = '';
let feedback: AttemptFeedback;
beforeAll(async () => {
  const response = await send({ requestId: newRequestId(), questionId: question.id, answer: withMisconception.found!.sentence });
  expect(response.status).toBe(200);
  learner = learnerCookie(response);
  feedback = await json<AttemptFeedback>(response);
});
afterAll(() => independent.$disconnect());

describe('a misconception in an answer', () => {
  it('is reported first, with the clause that said it and the lesson that corrects it', () => {
    const reported = feedback.misconceptions.find((misconception) => misconception.id === withMisconception.found!.id)!;
    expect(reported).toBeDefined();
    expect(reported.quote.length).toBeGreaterThan(0);
    expect(reported.lesson.href).toMatch(/^\/learn\/[a-z0-9-]+/);
    expect(feedback.points.find((point) => point.id === reported.pointId)!.covered).toBe(false);
  });

  it('adds a review card that asks what is true without printing the correction on the front', async () => {
    const card = await independent.reviewCard.findUniqueOrThrow({ where: { learnerId_sourceKey: { learnerId: learner, sourceKey: `misconception:${question.id}:${withMisconception.found!.id}` } } });
    expect(card.source).toBe('misconception');
    const correction = question.rubric.flatMap((point) => point.misconceptions).find((misconception) => misconception.id === withMisconception.found!.id)!.correction;
    expect(card.front).not.toContain(correction);
    expect(card.back).toContain(correction);
  });
});

describe('the stored breakdown', () => {
  it('is stored with the attempt, with the rubric version it was scored against', async () => {
    const stored = await independent.drillAttempt.findUniqueOrThrow({ where: { id: feedback.attemptId } });
    expect(stored.rubricVersion).toBe(rubricVersion(question));
    expect(JSON.parse(stored.breakdown!).misconceptions.length).toBe(feedback.misconceptions.length);
  });

  it('is what later feedback shows, never a fresh scoring, and says when the rubric has changed since', async () => {
    const model = await json<AttemptFeedback>(await send({ requestId: newRequestId(), questionId: question.id, answer: question.modelAnswer }, learner));
    const stored = await independent.drillAttempt.findUniqueOrThrow({ where: { id: model.attemptId } });
    const breakdown = JSON.parse(stored.breakdown!);
    breakdown.points[0].covered = false;
    breakdown.points[0].quote = null;
    await independent.drillAttempt.update({ where: { id: model.attemptId }, data: { breakdown: JSON.stringify(breakdown), rubricVersion: 'deadbeef' } });
    const later = await json<AttemptFeedback>(await rate(drillRequest('POST', `/api/drills/attempts/${model.attemptId}/rating`, { requestId: newRequestId(), rating: 3 }, { cookie: learner }), params({ attemptId: model.attemptId })));
    expect(later.points[0]).toMatchObject({ covered: false, quote: null });
    expect(later.rubricChanged).toBe(true);
    expect(model.rubricChanged).toBe(false);
  });
});

describe('disputing a missed point', () => {
  // Mastery reads each question's latest answer, so the disputed answer is made the latest one.
  beforeAll(async () => {
    feedback = await json<AttemptFeedback>(await send({ requestId: newRequestId(), questionId: question.id, answer: withMisconception.found!.sentence }, learner));
  });
  const missedPoint = () => feedback.points.find((point) => !point.covered && point.weight === Math.max(...feedback.points.filter((p) => !p.covered).map((p) => p.weight)))!;
  const masteryOf = async (topic: string) => (await fetchMastery(learner)).get(topic)!.earned;

  it('refuses a confirmation before the dispute, a covered point, an unknown point and another learner', async () => {
    const point = missedPoint();
    expect((await sendDispute(feedback.attemptId, { requestId: newRequestId(), pointId: point.id, action: 'confirm' }, learner)).status).toBe(409);
    expect((await sendDispute(feedback.attemptId, { requestId: newRequestId(), pointId: 'no-such-point', action: 'dispute' }, learner)).status).toBe(404);
    const full = await json<AttemptFeedback>(await send({ requestId: newRequestId(), questionId: question.id, answer: question.modelAnswer }, learner));
    const covered = await sendDispute(full.attemptId, { requestId: newRequestId(), pointId: full.points[0]!.id, action: 'dispute' }, learner);
    expect(covered.status).toBe(409);
    expect((await json(covered)).error).toMatch(/already covered/);
    feedback = await json<AttemptFeedback>(await send({ requestId: newRequestId(), questionId: question.id, answer: withMisconception.found!.sentence }, learner));
    const other = learnerCookie(await send({ requestId: newRequestId(), questionId: question.id, answer: 'Something else.' }));
    expect((await sendDispute(feedback.attemptId, { requestId: newRequestId(), pointId: point.id, action: 'dispute' }, other)).status).toBe(404);
    expect(await independent.drillDispute.count()).toBe(0);
  });

  it('stores the dispute with the answer and shows the model answer sentence to compare, without changing mastery', async () => {
    const point = missedPoint();
    const before = await masteryOf(point.lesson.slug);
    const response = await sendDispute(feedback.attemptId, { requestId: newRequestId(), pointId: point.id, action: 'dispute' }, learner);
    expect(response.status).toBe(200);
    const after = await json<AttemptFeedback>(response);
    expect(after.points.find((candidate) => candidate.id === point.id)).toMatchObject({ covered: false, dispute: 'disputed' });
    expect(after.points.find((candidate) => candidate.id === point.id)!.modelQuote).toEqual(expect.any(String));
    expect(await independent.drillDispute.findUniqueOrThrow({ where: { attemptId_pointId: { attemptId: feedback.attemptId, pointId: point.id } } })).toMatchObject({
      questionId: question.id,
      confirmed: false,
      rubricVersion: rubricVersion(question),
    });
    expect(await masteryOf(point.lesson.slug)).toBe(before);
  });

  it('counts the point for the learner’s mastery once confirmed, while the score stays as scored', async () => {
    const point = missedPoint();
    const before = await masteryOf(point.lesson.slug);
    const confirmed = await json<AttemptFeedback>(await sendDispute(feedback.attemptId, { requestId: newRequestId(), pointId: point.id, action: 'confirm' }, learner));
    expect(confirmed.points.find((candidate) => candidate.id === point.id)).toMatchObject({ covered: false, dispute: 'confirmed' });
    expect(confirmed.score).toBe(feedback.score);
    expect(await masteryOf(point.lesson.slug)).toBe(before + point.weight);
  });
});
