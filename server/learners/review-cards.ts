import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ReviewCard } from '@prisma/client';
import { dayKey } from '@/lib/drills/calendar';
import type { ReviewRatingRequest } from '@/lib/drills/contract';
import { newReviewCardSchema, rubricPointCard, type NewReviewCard } from '@/lib/drills/review-cards';
import { cardStateName, CardStates, dailyQueue, newCardMemory, previewIntervals, reviewCard, type CardMemory, type ReviewRecord } from '@/lib/drills/review-schedule';
import type { ReviewCardView, ReviewQueueView, SelfRating } from '@/lib/drills/view';
import { db } from '../db/db';
import { getDrillContext, sectionName, topicRef, type DrillContext } from '../drills/bank';
import { ApiError, notFound } from '../http/api-error';
import { applyDrillWrite, learnerTimeZone, type Tx } from '../drills/writes';
import type { WritingLearner } from './identity';

export interface AddedCards {
  /** Cards created. */
  added: number;
  /** Cards already in the deck, brought back to today's queue. */
  resurfaced: number;
}

/**
 * Adds cards to a learner's review deck: the one door every card source uses (missed rubric
 * points today, failed exercise tests later). A card whose sourceKey the learner already has is
 * not duplicated: it is made due now, since missing it again is news. Pass `tx` to make the cards
 * part of a larger write; the learner must exist. Throws on a malformed card (a programming error).
 */
export async function addReviewCards(learnerId: string, cards: readonly NewReviewCard[], options: { now?: Date; tx?: Tx } = {}): Promise<AddedCards> {
  const valid = cards.map((card) => newReviewCardSchema.parse(card));
  const now = options.now ?? new Date();
  const run = async (tx: Tx): Promise<AddedCards> => {
    const result = { added: 0, resurfaced: 0 };
    const existing = await tx.reviewCard.findMany({ where: { learnerId, sourceKey: { in: valid.map((card) => card.sourceKey) } } });
    const byKey = new Map(existing.map((card) => [card.sourceKey, card]));
    for (const card of valid) {
      const known = byKey.get(card.sourceKey);
      if (known) {
        if (known.due > now) {
          await tx.reviewCard.update({ where: { id: known.id }, data: { due: now } });
          result.resurfaced += 1;
        }
        continue;
      }
      await tx.reviewCard.create({ data: { id: randomUUID(), learnerId, ...card, ...newCardMemory(now) } });
      byKey.set(card.sourceKey, { sourceKey: card.sourceKey, due: now } as ReviewCard);
      result.added += 1;
    }
    return result;
  };
  return options.tx ? run(options.tx) : db.$transaction(run);
}

function memoryOf(card: ReviewCard): CardMemory {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = card;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

/** Rates a card inside a write: the new memory state on the card, the review in the log. */
export async function applyReview(tx: Tx, card: ReviewCard, rating: SelfRating, now: Date): Promise<ReviewRecord> {
  const { memory, record } = reviewCard(memoryOf(card), rating, now);
  // Conditional on the review count this rating was computed from: two tabs cannot both apply theirs.
  const updated = await tx.reviewCard.updateMany({ where: { id: card.id, reps: card.reps }, data: memory });
  if (updated.count !== 1) throw new ApiError(409, 'This card was just reviewed somewhere else. The queue has been refreshed.');
  await tx.reviewLog.create({ data: { cardId: card.id, learnerId: card.learnerId, ...record } });
  return record;
}

const DAY_MS = 86_400_000;

/** Today's review queue for a learner, with the first card to review and when each rating would bring it back. */
export async function fetchReviewQueue(learnerId: string | undefined, now: Date = new Date()): Promise<ReviewQueueView> {
  if (!learnerId) return { dueNow: 0, laterToday: 0, totalCards: 0, card: null };
  const timeZone = await learnerTimeZone(learnerId);
  const today = dayKey(now, timeZone);
  const [learning, fresh, recentFirstReviews, totalCards] = await Promise.all([
    db.reviewCard.findMany({ where: { learnerId, state: { not: CardStates.New }, due: { lte: new Date(now.getTime() + 2 * DAY_MS) } } }),
    db.reviewCard.findMany({ where: { learnerId, state: CardStates.New }, orderBy: [{ due: 'asc' }, { createdAt: 'asc' }], take: 200 }),
    db.reviewLog.findMany({ where: { learnerId, state: CardStates.New, reviewedAt: { gte: new Date(now.getTime() - 2 * DAY_MS) } }, select: { reviewedAt: true } }),
    db.reviewCard.count({ where: { learnerId } }),
  ]);
  const newSeenToday = recentFirstReviews.filter((log) => dayKey(log.reviewedAt, timeZone) === today).length;
  const queue = dailyQueue([...learning, ...fresh], now, newSeenToday);
  const laterToday = learning.filter((card) => card.due > now && dayKey(card.due, timeZone) === today).length;
  return { dueNow: queue.length, laterToday, totalCards, card: queue[0] ? await cardView(queue[0], now) : null };
}

/**
 * A rubric card's faces from today's bank: cards stored before the front stopped printing the
 * point (and after a rubric edit) are shown as the bank asks them now.
 */
function currentFaces(context: DrillContext, card: ReviewCard): { front: string; back: string } {
  const [, questionId, pointId] = card.source === 'rubric' ? card.sourceKey.split(':') : [];
  const question = questionId ? context.bank.questionsById.get(questionId) : undefined;
  const fresh = question && pointId ? rubricPointCard(question, pointId, sectionName(context)) : undefined;
  return fresh ?? card;
}

async function cardView(card: ReviewCard, now: Date): Promise<ReviewCardView> {
  const context = await getDrillContext();
  const { front, back } = currentFaces(context, card);
  return {
    id: card.id,
    front,
    back,
    source: card.source,
    topic: card.topic ? topicRef(context, card.topic) : null,
    href: card.href,
    state: cardStateName(card.state),
    intervals: previewIntervals(memoryOf(card), now),
  };
}

/** Rates one card of the learner's queue and returns the queue that follows. */
export async function rateReviewCard(learner: WritingLearner, cardId: string, request: ReviewRatingRequest, now: Date = new Date()): Promise<ReviewQueueView> {
  const card = learner.isNew ? null : await db.reviewCard.findFirst({ where: { id: cardId, learnerId: learner.id } });
  if (!card) throw notFound('review card');
  try {
    const result = await applyDrillWrite(learner, { kind: 'review', subjectId: card.id, payload: { rating: request.rating }, requestId: request.requestId }, async (tx) => {
      // A second click, or a second tab, must not review the card twice: after a rating it is due minutes later at the earliest.
      if (card.due > now) throw new ApiError(409, 'This card was already reviewed and is not due yet. The queue has been refreshed.');
      return applyReview(tx, card, request.rating, now);
    });
    if (result.duplicate && result.subjectId !== card.id) throw new ApiError(409, 'That requestId was already used for another card; send a fresh one.');
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) throw new ApiError(409, error.message, { queue: await fetchReviewQueue(learner.id, now) });
    throw error;
  }
  return fetchReviewQueue(learner.id, now);
}
