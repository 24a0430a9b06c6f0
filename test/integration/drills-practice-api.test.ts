import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillRequest, json, learnerCookie, newRequestId, params } from '../support/drill-api';
import { createFreshDatabase, openDatabase } from '../support/temp-database';
import type { AttemptFeedback } from '@/lib/drills/view';

const databaseUrl = createFreshDatabase();
const { POST: answer } = await import('@/app/api/drills/attempts/route');
const { POST: rate } = await import('@/app/api/drills/attempts/[attemptId]/rating/route');
const { loadDrillBank } = await import('@/content/drills/bank');
const { MAX_ANSWER_CHARS } = await import('@/lib/drills/limits');

const bank = loadDrillBank();
const question = bank.questionsById.get('round-robin-when-and-why-not')!;
const templated = bank.questions.find((candidate) => candidate.template)!;
const template = bank.templatesById.get(templated.template!)!;
const untemplated = bank.questions.find((candidate) => !candidate.template)!;
const PARTIAL = 'Round robin is right when the servers are identical and requests cost about the same, for example a simple JSON API.';

const send = (body: unknown, options: { cookie?: string; raw?: string; headers?: Record<string, string> } = {}) => answer(drillRequest('POST', '/api/drills/attempts', body, options));
const sendRating = (attemptId: string, body: unknown, cookie?: string) => rate(drillRequest('POST', `/api/drills/attempts/${attemptId}/rating`, body, { cookie }), params({ attemptId }));

const independent = await openDatabase(databaseUrl);
const rowCounts = async () => ({
  learners: await independent.learner.count(),
  events: await independent.drillEvent.count(),
  attempts: await independent.drillAttempt.count(),
  cards: await independent.reviewCard.count(),
  logs: await independent.reviewLog.count(),
});

let learner = '';
let first: AttemptFeedback;
beforeAll(async () => {
  const response = await send({ requestId: newRequestId(), questionId: question.id, answer: PARTIAL, timeZone: 'Europe/Paris' });
  expect(response.status).toBe(200);
  learner = learnerCookie(response);
  first = await json<AttemptFeedback>(response);
});
afterAll(() => independent.$disconnect());

describe('answering a practice question', () => {
  it('creates the anonymous learner on the first answer and remembers their time zone', async () => {
    expect(await independent.learner.findUnique({ where: { id: learner } })).toMatchObject({ timeZone: 'Europe/Paris' });
  });

  it('scores on the server: covered points quote the sentence, missed points link to their lesson section', () => {
    const covered = first.points.filter((point) => point.covered);
    const missed = first.points.filter((point) => !point.covered);
    expect(covered.map((point) => point.id)).toEqual(['right-when-uniform']);
    expect(covered[0]!.quote).toBe(PARTIAL);
    expect(missed.length).toBe(question.rubric.length - 1);
    expect(missed.every((point) => point.quote === null && /^\/learn\/[a-z0-9-]+(#[^#\s]+)?$/.test(point.lesson.href))).toBe(true);
    expect(missed.find((point) => point.id === 'counts-not-work')!.lesson).toEqual({ slug: 'round-robin', title: 'Round robin', href: '/learn/round-robin#why-equal-turns-arent-equal-load' });
    expect(first.score).toBeCloseTo(3 / first.possible);
  });

  it('sends the model answer only with the feedback, and adds a review card per missed point', async () => {
    expect(first.modelAnswer).toBe(question.modelAnswer);
    expect(first.cardsAdded).toBe(question.rubric.length - 1);
    const cards = await independent.reviewCard.findMany({ where: { learnerId: learner } });
    expect(cards.map((card) => card.sourceKey).sort()).toEqual(first.points.filter((p) => !p.covered).map((p) => `rubric:${question.id}:${p.id}`).sort());
  });

  it('stores the attempt with the server’s score', async () => {
    const stored = await independent.drillAttempt.findUniqueOrThrow({ where: { id: first.attemptId } });
    expect(stored).toMatchObject({ learnerId: learner, questionId: question.id, answer: PARTIAL, earned: 3, mockSessionId: null, selfRating: null });
    expect(JSON.parse(stored.covered)).toEqual(['right-when-uniform']);
  });

  it('gives the model answer full marks and adds no cards for it', async () => {
    const response = await send({ requestId: newRequestId(), questionId: question.id, answer: question.modelAnswer }, { cookie: learner });
    const feedback = await json<AttemptFeedback>(response);
    expect(feedback.score).toBe(1);
    expect(feedback.cardsAdded).toBe(0);
  });

  it('scores an answer written in the question’s template, sections joined in template order', async () => {
    const sections = Object.fromEntries(template.sections.map((section, index) => [section.id, index === 0 ? templated.modelAnswer : '']).reverse());
    const feedback = await json<AttemptFeedback>(await send({ requestId: newRequestId(), questionId: templated.id, sections }, { cookie: learner }));
    expect(feedback.score).toBe(1);
    const stored = await independent.drillAttempt.findUniqueOrThrow({ where: { id: feedback.attemptId } });
    expect(JSON.parse(stored.sections!)).toEqual(sections);
  });

  it('applies a retried answer once and returns the same feedback', async () => {
    const requestId = newRequestId();
    const body = { requestId, questionId: question.id, answer: 'I would use least connections when request costs vary, since round robin ignores load.' };
    const before = await rowCounts();
    const [a, b] = [await send(body, { cookie: learner }), await send(body, { cookie: learner })];
    const [fa, fb] = [await json<AttemptFeedback>(a), await json<AttemptFeedback>(b)];
    expect(fa.attemptId).toBe(fb.attemptId);
    expect(fb.points).toEqual(fa.points);
    const after = await rowCounts();
    expect([after.events - before.events, after.attempts - before.attempts]).toEqual([1, 1]);
  });

  it('brings a missed point’s card back to today instead of duplicating it', async () => {
    const key = `rubric:${question.id}:counts-not-work`;
    const later = new Date(Date.now() + 5 * 86_400_000);
    await independent.reviewCard.update({ where: { learnerId_sourceKey: { learnerId: learner, sourceKey: key } }, data: { due: later } });
    const before = await rowCounts();
    await send({ requestId: newRequestId(), questionId: question.id, answer: PARTIAL }, { cookie: learner });
    expect((await rowCounts()).cards).toBe(before.cards);
    const card = await independent.reviewCard.findUniqueOrThrow({ where: { learnerId_sourceKey: { learnerId: learner, sourceKey: key } } });
    expect(card.due.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('rating one’s own answer', () => {
  it('records the rating and schedules the question as a review card with it (FSRS)', async () => {
    const response = await sendRating(first.attemptId, { requestId: newRequestId(), rating: 3 }, learner);
    expect(response.status).toBe(200);
    expect((await json<AttemptFeedback>(response)).selfRating).toBe(3);
    const card = await independent.reviewCard.findUniqueOrThrow({ where: { learnerId_sourceKey: { learnerId: learner, sourceKey: `question:${question.id}` } } });
    expect(card).toMatchObject({ source: 'question', reps: 1, state: 1 });
    expect(card.due.getTime()).toBeGreaterThan(Date.now() + 5 * 60_000);
    expect(await independent.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
  });

  it('treats the same rating again as a no-op and refuses to change it', async () => {
    const before = await rowCounts();
    expect((await sendRating(first.attemptId, { requestId: newRequestId(), rating: 3 }, learner)).status).toBe(200);
    const changed = await sendRating(first.attemptId, { requestId: newRequestId(), rating: 1 }, learner);
    expect(changed.status).toBe(409);
    expect((await json(changed)).error).toMatch(/already rated/);
    expect(await rowCounts()).toEqual(before);
  });

  it('does not let another learner rate, or even see, someone’s answer', async () => {
    const other = learnerCookie(await send({ requestId: newRequestId(), questionId: question.id, answer: PARTIAL }));
    const before = await rowCounts();
    const response = await sendRating(first.attemptId, { requestId: newRequestId(), rating: 4 }, other);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await json(response))).not.toContain(PARTIAL);
    expect((await sendRating(first.attemptId, { requestId: newRequestId(), rating: 4 })).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('bad input writes nothing', () => {
  const valid = () => ({ requestId: newRequestId(), questionId: question.id, answer: PARTIAL });
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    ['an answer over the limit', () => send({ ...valid(), answer: 'word '.repeat(MAX_ANSWER_CHARS / 5 + 1) }), 400, /at most 5,000 characters and this one has 5,005/],
    ['a blank answer', () => send({ ...valid(), answer: ' \n ' }), 400, /Write an answer/],
    ['a client-side score', () => send({ ...valid(), score: 1 }), 400, /Unrecognized key|score/],
    ['an unknown question', () => send({ ...valid(), questionId: 'no-such-question' }), 404, /no drill question/],
    ['sections for a question without a template', () => send({ requestId: newRequestId(), questionId: untemplated.id, sections: { choice: 'ALB.' } }), 400, /no answer template/],
    ['a section the template does not have', () => send({ requestId: newRequestId(), questionId: templated.id, sections: { nonsense: 'Text.' } }), 400, /no section "nonsense"/],
    ['malformed JSON', () => send(null, { raw: '{"requestId": ' }), 400, /not valid JSON/],
    ['a body over 64 KB', () => send(null, { raw: JSON.stringify({ ...valid(), pad: 'x'.repeat(70_000) }) }), 400, /too large/],
    ['a cross-site origin', () => send(valid(), { headers: { origin: 'https://evil.example' } }), 403, /Cross-site/],
    ['an unknown time zone', () => send({ ...valid(), timeZone: 'Atlantis/Capital' }), 400, /IANA/],
    ['a rating out of range', () => sendRating(first.attemptId, { requestId: newRequestId(), rating: 7 }, learner), 400, /rating/],
  ];

  it.each(cases)('refuses %s with a clear message', async (_name, run, status, message) => {
    const before = await rowCounts();
    const response = await run();
    expect(response.status).toBe(status);
    expect((await json(response)).error).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it('rolls the whole write back, new learner and event included, when a later step fails', async () => {
    const { applyDrillWrite } = await import('@/server/drills/writes');
    const before = await rowCounts();
    const write = applyDrillWrite({ id: 'e'.repeat(32), isNew: true, timeZone: 'UTC' }, { kind: 'attempt', subjectId: 'x', payload: {}, requestId: newRequestId() }, async (tx) => {
      await tx.drillAttempt.create({ data: { id: 'half-written', learnerId: 'e'.repeat(32), questionId: question.id, answer: PARTIAL, score: 0, rawScore: 0, earned: 0, possible: 1, covered: '[]' } });
      throw new Error('the card insert failed');
    });
    await expect(write).rejects.toThrow('the card insert failed');
    expect(await rowCounts()).toEqual(before);
  });
});
