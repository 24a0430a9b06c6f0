import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillRequest, json, learnerCookie, newRequestId, params } from '../support/drill-api';
import { createFreshDatabase, openDatabase } from '../support/temp-database';
import type { ReviewQueueView } from '@/lib/drills/view';

const databaseUrl = createFreshDatabase();
const { POST: answer } = await import('@/app/api/drills/attempts/route');
const queueRoute = await import('@/app/api/drills/review/route');
const cardRoute = await import('@/app/api/drills/review/[cardId]/route');
const { addReviewCards, fetchReviewQueue } = await import('@/server/learners/review-cards');
const { NEW_CARDS_PER_DAY } = await import('@/lib/drills/review-schedule');

const queue = async (cookie?: string) => json<ReviewQueueView>(await queueRoute.GET(drillRequest('GET', '/api/drills/review', undefined, { cookie })));
const rate = (cardId: string, body: unknown, cookie?: string) => cardRoute.POST(drillRequest('POST', `/api/drills/review/${cardId}`, body, { cookie }), params({ cardId }));

const independent = await openDatabase(databaseUrl);
const rowCounts = async () => ({
  learners: await independent.learner.count(),
  events: await independent.drillEvent.count(),
  cards: await independent.reviewCard.count(),
  logs: await independent.reviewLog.count(),
});

let learner = '';
let missed = 0;
beforeAll(async () => {
  const response = await answer(drillRequest('POST', '/api/drills/attempts', { requestId: newRequestId(), questionId: 'round-robin-when-and-why-not', answer: 'Round robin gives each request to the next server in turn.' }));
  learner = learnerCookie(response);
  missed = (await json<{ cardsAdded: number }>(response)).cardsAdded;
});
afterAll(() => independent.$disconnect());

describe('the review queue', () => {
  it('is empty for a visitor, and reading it creates nobody', async () => {
    const before = await rowCounts();
    expect(await queue()).toEqual({ dueNow: 0, laterToday: 0, totalCards: 0, card: null });
    expect(await rowCounts()).toEqual(before);
  });

  it('holds the cards a practice answer’s missed points added, with the first card and each rating’s interval', async () => {
    const view = await queue(learner);
    expect(missed).toBeGreaterThan(2);
    expect(view).toMatchObject({ dueNow: missed, laterToday: 0, totalCards: missed });
    expect(view.card).toMatchObject({ source: 'rubric', state: 'new', topic: { id: 'round-robin', title: 'Round robin' } });
    expect(view.card!.href).toMatch(/^\/learn\/round-robin#/);
    expect(view.card!.intervals).toMatchObject({ 1: '1 min', 3: '10 min' });
  });

  it('asks for a missed point without stating it, even on a card stored with the point on its front', async () => {
    const { card } = await queue(learner);
    const [, questionId, pointId] = (await independent.reviewCard.findUniqueOrThrow({ where: { id: card!.id } })).sourceKey.split(':');
    const { loadDrillBank } = await import('@/content/drills/bank');
    const point = loadDrillBank().questionsById.get(questionId!)!.rubric.find((candidate) => candidate.id === pointId)!;
    expect(card!.front).toMatch(/left out point \d+ of \d+, the one taught in “Round robin/);
    expect(card!.front).not.toContain(point.label);
    expect(card!.back).toContain(point.label);
    // A card saved before fronts stopped printing the point is shown as the bank asks it now.
    await independent.reviewCard.update({ where: { id: card!.id }, data: { front: `Explain this point: ${point.label}` } });
    expect((await queue(learner)).card!.front).toBe(card!.front);
  });

  it('shrinks as cards are rated, logging each review; Again brings a card back later today', async () => {
    const first = await queue(learner);
    const afterGood = await json<ReviewQueueView>(await rate(first.card!.id, { requestId: newRequestId(), rating: 3 }, learner));
    expect(afterGood.dueNow).toBe(first.dueNow - 1);
    expect(afterGood.card!.id).not.toBe(first.card!.id);
    const afterAgain = await json<ReviewQueueView>(await rate(afterGood.card!.id, { requestId: newRequestId(), rating: 1 }, learner));
    expect(afterAgain.dueNow).toBe(first.dueNow - 2);
    expect(await independent.reviewLog.count({ where: { learnerId: learner } })).toBe(2);
    const rated = await independent.reviewCard.findUniqueOrThrow({ where: { id: first.card!.id } });
    expect(rated).toMatchObject({ reps: 1, state: 1 });
    // Learning steps: both cards come back within the hour, which is still today in UTC unless the test runs at midnight.
    if (new Date().getUTCHours() < 23) expect(afterAgain.laterToday).toBe(2);
  });

  it('applies a retried rating once, and refuses to rate a card that is not due', async () => {
    const { card } = await queue(learner);
    const requestId = newRequestId();
    expect((await rate(card!.id, { requestId, rating: 4 }, learner)).status).toBe(200);
    const before = await rowCounts();
    expect((await rate(card!.id, { requestId, rating: 4 }, learner)).status).toBe(200);
    const second = await rate(card!.id, { requestId: newRequestId(), rating: 4 }, learner);
    expect(second.status).toBe(409);
    expect(await json(second)).toMatchObject({ error: expect.stringMatching(/not due yet/), queue: { dueNow: expect.any(Number) } });
    expect(await rowCounts()).toEqual(before);
  });

  it('does not let another learner see or rate someone’s cards', async () => {
    const { card } = await queue(learner);
    const other = learnerCookie(await answer(drillRequest('POST', '/api/drills/attempts', { requestId: newRequestId(), questionId: 'round-robin-when-and-why-not', answer: 'No idea at all.' })));
    const before = await rowCounts();
    expect((await rate(card!.id, { requestId: newRequestId(), rating: 3 }, other)).status).toBe(404);
    expect((await rate(card!.id, { requestId: newRequestId(), rating: 3 })).status).toBe(404);
    expect((await queue(other)).card!.id).not.toBe(card!.id);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['a rating of 0', { rating: 0 }, 400, /rating/],
    ['a missing requestId', { requestId: undefined, rating: 3 }, 400, /requestId/],
    ['an extra field', { rating: 3, due: '2030-01-01' }, 400, /Unrecognized key|due/],
  ])('refuses %s and writes nothing', async (_name, body, status, message) => {
    const { card } = await queue(learner);
    const before = await rowCounts();
    const response = await rate(card!.id, { requestId: newRequestId(), ...body }, learner);
    expect(response.status).toBe(status);
    expect((await json(response)).error).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('addReviewCards, the door other card sources use', () => {
  it('adds cards from any source once per key, and brings a known card back to today', async () => {
    const card = { sourceKey: 'exercise:round-robin:wraps-at-end', source: 'exercise' as const, front: 'Why does the pointer wrap?', back: 'It is taken modulo the server count.', topic: 'round-robin', href: '/exercises/round-robin' };
    expect(await addReviewCards(learner, [card])).toEqual({ added: 1, resurfaced: 0 });
    expect(await addReviewCards(learner, [card])).toEqual({ added: 0, resurfaced: 0 });
    await independent.reviewCard.update({ where: { learnerId_sourceKey: { learnerId: learner, sourceKey: card.sourceKey } }, data: { due: new Date(Date.now() + 86_400_000), state: 2 } });
    expect(await addReviewCards(learner, [card])).toEqual({ added: 0, resurfaced: 1 });
  });

  it('refuses a malformed card before writing anything', async () => {
    const before = await rowCounts();
    const good = { sourceKey: 'exercise:x:y', source: 'exercise' as const, front: 'Front', back: 'Back' };
    await expect(addReviewCards(learner, [good, { ...good, sourceKey: 'BAD KEY' }])).rejects.toThrow(/sourceKey/);
    expect(await rowCounts()).toEqual(before);
  });

  it('introduces at most the daily allowance of new cards', async () => {
    const fresh = learnerCookie(await answer(drillRequest('POST', '/api/drills/attempts', { requestId: newRequestId(), questionId: 'round-robin-when-and-why-not', answer: 'Round robin is simple.' })));
    const cards = Array.from({ length: NEW_CARDS_PER_DAY + 10 }, (_, index) => ({ sourceKey: `exercise:bulk:${index}`, source: 'exercise' as const, front: `Card ${index}`, back: 'Back' }));
    await addReviewCards(fresh, cards);
    const view = await fetchReviewQueue(fresh);
    expect(view.dueNow).toBe(NEW_CARDS_PER_DAY);
    expect(view.totalCards).toBeGreaterThan(NEW_CARDS_PER_DAY + 10);
  });
});
