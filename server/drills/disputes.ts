import 'server-only';
import type { DisputeRequest } from '@/lib/drills/contract';
import { storedScore } from '@/lib/drills/stored-score';
import type { AttemptFeedback } from '@/lib/drills/view';
import { db } from '../db/db';
import { feedbackOf } from './attempts';
import { getDrillContext, questionOr404 } from './bank';
import { ApiError, notFound } from '../http/api-error';
import { applyDrillWrite } from './writes';
import type { WritingLearner } from '../learners/identity';

/**
 * Records a learner's dispute of a point their stored breakdown marks missed, or their
 * confirmation of it after comparing with the model answer. Both are idempotent; a confirmation
 * needs the dispute first, so the learner has seen the model answer's sentence for the point.
 */
export async function disputePoint(learner: WritingLearner, attemptId: string, request: DisputeRequest, now: Date = new Date()): Promise<AttemptFeedback> {
  const context = await getDrillContext();
  const attempt = learner.isNew ? null : await db.drillAttempt.findFirst({ where: { id: attemptId, learnerId: learner.id } });
  if (!attempt) throw notFound('drill answer');
  const question = questionOr404(context, attempt.questionId);
  const point = storedScore(attempt, question).points.find((candidate) => candidate.id === request.pointId);
  if (!point) throw new ApiError(404, `This answer was not scored on a point "${request.pointId}".`);
  if (point.covered) throw new ApiError(409, 'That point is already covered in this answer.');

  await applyDrillWrite(learner, { kind: `dispute-${request.action}`, subjectId: attempt.id, payload: { pointId: point.id }, requestId: request.requestId }, async (tx) => {
    const key = { attemptId_pointId: { attemptId: attempt.id, pointId: point.id } };
    if (request.action === 'dispute') {
      await tx.drillDispute.upsert({ where: key, create: { attemptId: attempt.id, pointId: point.id, questionId: question.id, rubricVersion: attempt.rubricVersion, createdAt: now }, update: {} });
      return;
    }
    const confirmed = await tx.drillDispute.updateMany({ where: { attemptId: attempt.id, pointId: point.id }, data: { confirmed: true, confirmedAt: now } });
    if (confirmed.count !== 1) throw new ApiError(409, 'Dispute the point first, then confirm it against the model answer.');
  });
  return feedbackOf(context, attempt, 0);
}
