import 'server-only';
import { randomUUID } from 'node:crypto';
import type { DrillAttempt } from '@prisma/client';
import { joinSections } from '@/lib/drills/answer-text';
import type { AttemptRequest, SelfRatingRequest } from '@/lib/drills/contract';
import type { DrillQuestion } from '@/lib/drills/question-schema';
import { cardsForMisconceptions, cardsForMissedPoints, questionCard } from '@/lib/drills/review-cards';
import { rubricVersion } from '@/lib/drills/rubric-version';
import { scoreAnswer } from '@/lib/drills/score';
import { serializeScore, storedScore } from '@/lib/drills/stored-score';
import type { AttemptFeedback, DisputeState, SelfRating } from '@/lib/drills/view';
import { db } from '../db/db';
import { getDrillContext, questionOr404, scoreView, sectionName, type DrillContext } from './bank';
import { ApiError, notFound } from '../http/api-error';
import { applyDrillWrite, type Tx } from './writes';
import type { WritingLearner } from '../learners/identity';
import { addReviewCards, applyReview } from '../learners/review-cards';

/** The text to score: free text as sent, or the template's sections in the template's order. */
function answerText(context: DrillContext, question: DrillQuestion, request: AttemptRequest): string {
  if (request.answer !== undefined) return request.answer;
  const template = question.template ? context.bank.templatesById.get(question.template) : undefined;
  if (!template) throw new ApiError(400, `Question "${question.id}" has no answer template; send the answer as free text.`);
  const order = template.sections.map((section) => section.id);
  const unknown = Object.keys(request.sections!).filter((sectionId) => !order.includes(sectionId));
  if (unknown.length > 0) throw new ApiError(400, `The "${template.id}" template has no section "${unknown[0]!.slice(0, 80)}".`);
  return joinSections(request.sections!, order);
}

/** The learner's disputes of an attempt's points, by point id. */
async function disputesOf(attemptId: string): Promise<Map<string, DisputeState>> {
  const rows = await db.drillDispute.findMany({ where: { attemptId }, select: { pointId: true, confirmed: true } });
  return new Map(rows.map((row) => [row.pointId, row.confirmed ? 'confirmed' : 'disputed']));
}

/** The feedback on a stored attempt: the breakdown stored with it, never a fresh scoring. */
export async function feedbackOf(context: DrillContext, attempt: DrillAttempt, cardsAdded: number): Promise<AttemptFeedback> {
  const question = questionOr404(context, attempt.questionId);
  return {
    attemptId: attempt.id,
    questionId: question.id,
    ...scoreView(context, question, storedScore(attempt, question), { scoredAgainst: attempt.rubricVersion, disputes: await disputesOf(attempt.id) }),
    modelAnswer: question.modelAnswer,
    selfRating: (attempt.selfRating as SelfRating | null) ?? null,
    cardsAdded,
  };
}

/** Stores a scored attempt with its breakdown, and adds a card per missed point and per misconception; shared by practice and mock interviews. */
export async function storeAttempt(
  tx: Tx,
  learnerId: string,
  question: DrillQuestion,
  answer: string,
  extra: { id?: string; sections?: Record<string, string>; mockSessionId?: string; now: Date },
): Promise<{ attempt: DrillAttempt; cardsAdded: number }> {
  const score = scoreAnswer(answer, question);
  const attempt = await tx.drillAttempt.create({
    data: {
      id: extra.id ?? randomUUID(),
      learnerId,
      questionId: question.id,
      mockSessionId: extra.mockSessionId ?? null,
      answer,
      sections: extra.sections ? JSON.stringify(extra.sections) : null,
      score: score.score,
      rawScore: score.rawScore,
      earned: score.earned,
      possible: score.possible,
      covered: JSON.stringify(score.points.filter((point) => point.covered).map((point) => point.id)),
      breakdown: serializeScore(score),
      rubricVersion: rubricVersion(question),
      createdAt: extra.now,
    },
  });
  const cards = await addReviewCards(learnerId, [...cardsForMisconceptions(question, score.misconceptions), ...cardsForMissedPoints(question, score.points, sectionName(await getDrillContext()))], { now: extra.now, tx });
  return { attempt, cardsAdded: cards.added };
}

/**
 * Scores a practice answer on the server (a client's score is never trusted), stores it, and adds
 * review cards for the points it missed, in one transaction. Returns the feedback with the model answer.
 */
export async function recordPracticeAttempt(learner: WritingLearner, request: AttemptRequest, now: Date = new Date()): Promise<AttemptFeedback> {
  const context = await getDrillContext();
  const question = questionOr404(context, request.questionId);
  const answer = answerText(context, question, request);
  const attemptId = randomUUID();
  const result = await applyDrillWrite(learner, { kind: 'attempt', subjectId: attemptId, payload: { questionId: question.id }, requestId: request.requestId }, (tx) =>
    storeAttempt(tx, learner.id, question, answer, { id: attemptId, sections: request.sections, now }),
  );
  if (!result.duplicate) return feedbackOf(context, result.value.attempt, result.value.cardsAdded);
  const previous = await db.drillAttempt.findUniqueOrThrow({ where: { id: result.subjectId } });
  return feedbackOf(context, previous, 0);
}

/**
 * Records the learner's self-rating of a practice attempt, once, and schedules the whole question
 * as a review card with that rating (FSRS): "Again" brings it back in minutes, "Easy" in days.
 */
export async function rateAttempt(learner: WritingLearner, attemptId: string, request: SelfRatingRequest, now: Date = new Date()): Promise<AttemptFeedback> {
  const context = await getDrillContext();
  const attempt = learner.isNew ? null : await db.drillAttempt.findFirst({ where: { id: attemptId, learnerId: learner.id, mockSessionId: null } });
  if (!attempt) throw notFound('practice answer');
  const question = questionOr404(context, attempt.questionId);
  if (attempt.selfRating !== null && attempt.selfRating !== request.rating) {
    throw new ApiError(409, 'You already rated this answer. Answer the question again to rate a new attempt.');
  }
  if (attempt.selfRating === null) {
    await applyDrillWrite(learner, { kind: 'self-rating', subjectId: attempt.id, payload: { rating: request.rating }, requestId: request.requestId }, async (tx) => {
      const claimed = await tx.drillAttempt.updateMany({ where: { id: attempt.id, selfRating: null }, data: { selfRating: request.rating } });
      if (claimed.count !== 1) throw new ApiError(409, 'You already rated this answer.');
      const card = questionCard(question);
      await addReviewCards(learner.id, [card], { now, tx });
      const stored = await tx.reviewCard.findUniqueOrThrow({ where: { learnerId_sourceKey: { learnerId: learner.id, sourceKey: card.sourceKey } } });
      // addReviewCards made the card due now (new, or brought forward), so this rating is its review.
      await applyReview(tx, stored, request.rating, now);
    });
  }
  const updated = await db.drillAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
  return feedbackOf(context, updated, 0);
}
