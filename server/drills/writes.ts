import 'server-only';
import { db } from '../db/db';
import type { WritingLearner } from '../learners/identity';
import { applyLearnerWrite, requestIdReused, type Tx } from '../learners/writes';

export type { Tx } from '../learners/writes';

export interface DrillEventInput {
  kind: string;
  /** The row the write creates or changes: a retry finds it through the event. */
  subjectId: string;
  payload: Record<string, unknown>;
  requestId: string;
}

export type DrillWriteResult<T> = { duplicate: false; value: T } | { duplicate: true; subjectId: string; payload: Record<string, unknown> };

/**
 * Applies one drill write through applyLearnerWrite (the activity log). A requestId the learner
 * already used changes nothing and reports what the first request wrote; one used for another kind
 * of write is refused (409).
 */
export async function applyDrillWrite<T>(learner: WritingLearner, event: DrillEventInput, write: (tx: Tx) => Promise<T>): Promise<DrillWriteResult<T>> {
  const result = await applyLearnerWrite(learner, { log: 'activity', ...event }, write);
  if (!result.duplicate) return result;
  if (result.previous.kind !== event.kind) throw requestIdReused();
  return { duplicate: true, subjectId: result.previous.subjectId, payload: result.previous.payload };
}

/** The learner's stored time zone, or UTC for a learner who never sent one. */
export async function learnerTimeZone(learnerId: string): Promise<string> {
  const learner = await db.learner.findUnique({ where: { id: learnerId }, select: { timeZone: true } });
  return learner?.timeZone ?? 'UTC';
}
