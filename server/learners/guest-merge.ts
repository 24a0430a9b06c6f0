import 'server-only';
import { isEmptySummary, planGuestMerge, summarizeRows, type GuestSummary } from '@/lib/account/guest-merge';
import { db } from '../db/db';
import { ApiError } from '../http/api-error';
import { unclaimedGuestId } from './accounts';
import { fetchLearnerRows, readLearnerRows, SNAPSHOT } from './data';
import { applyLearnerWrite, isLostRace } from './writes';

/*
 * Moves a browser's guest progress into the account signed in on it (lib/account/guest-merge.ts
 * decides what wins), in one transaction that ends by deleting the guest: a second merge, or a
 * merge racing this one, finds no guest and changes nothing.
 */

/** What the browser's guest holds, or undefined when there is no guest or it has nothing. */
export async function guestSummary(cookieValue: string | undefined): Promise<GuestSummary | undefined> {
  const guestId = await unclaimedGuestId(cookieValue);
  if (!guestId) return undefined;
  const summary = summarizeRows(await fetchLearnerRows(guestId));
  return isEmptySummary(summary) ? undefined : summary;
}

/** The guest was merged, claimed or deleted meanwhile, or a key clashed with a write that landed meanwhile; nothing changed. */
const mergeConflict = () => new ApiError(409, 'Your progress changed while the guest’s was being added; nothing was moved. Try again.');

/**
 * Moves the guest's rows to the account's learner and deletes the guest; answers what moved. Read,
 * decided and written in one serializable write (applyLearnerWrite): a write to either learner
 * meanwhile makes it run again on fresh reads, and only after the last try fail
 * (a 409) rather than lose to a row read before it.
 */
export async function mergeGuestIntoAccount(guestId: string, accountId: string, now: Date = new Date()): Promise<GuestSummary> {
  const toAccount = { learnerId: accountId };
  const guestRows = { learnerId: guestId };
  const ofGuest = (ids: string[]) => ({ id: { in: ids }, ...guestRows });
  const learner = { id: accountId, isNew: false };
  try {
    // No event: the account must hold exactly the guest's rows, and deleting the guest is what makes a second merge a no-op.
    const result = await applyLearnerWrite(learner, null, async (tx) => {
      const account = await readLearnerRows(tx, accountId);
      const plan = planGuestMerge(account, await readLearnerRows(tx, guestId));

      // Keyed rows: the account's loser out, the guest's winner copied in with its own timestamps.
      await tx.lessonProgress.deleteMany({ where: { learnerId: accountId, lessonId: { in: plan.lessonProgress.map((row) => row.lessonId) } } });
      await tx.exerciseDraft.deleteMany({ where: { learnerId: accountId, exerciseId: { in: plan.exerciseDrafts.map((row) => row.exerciseId) } } });
      for (const answer of plan.quizAnswers) await tx.quizAnswer.deleteMany({ where: { learnerId: accountId, lessonId: answer.lessonId, questionId: answer.questionId } });
      await tx.reviewCard.deleteMany({ where: { learnerId: accountId, id: { in: plan.replacedCardIds } } });
      await tx.lessonProgress.createMany({ data: plan.lessonProgress.map((row) => ({ ...row, ...toAccount })) });
      await tx.quizAnswer.createMany({ data: plan.quizAnswers.map((row) => ({ ...row, ...toAccount })) });
      await tx.exerciseDraft.createMany({ data: plan.exerciseDrafts.map((row) => ({ ...row, ...toAccount })) });

      // Rows with their own ids change owner; children (interview questions and answers) follow their parent.
      await tx.reviewCard.updateMany({ where: ofGuest(plan.reviewCardIds), data: toAccount });
      await tx.reviewLog.updateMany({ where: { cardId: { in: plan.reviewCardIds } }, data: toAccount });
      await tx.progressEvent.updateMany({ where: { ...guestRows, id: { notIn: plan.duplicateProgressEventIds } }, data: toAccount });
      await tx.drillEvent.updateMany({ where: { ...guestRows, id: { notIn: plan.duplicateDrillEventIds } }, data: toAccount });
      await tx.mockSession.updateMany({ where: ofGuest(plan.discardedSessionIds), data: { status: 'discarded', endedAt: now } });
      await tx.mockSession.updateMany({ where: guestRows, data: toAccount });
      await tx.drillAttempt.updateMany({ where: guestRows, data: toAccount });
      await tx.submission.updateMany({ where: guestRows, data: toAccount });
      if (plan.timeZone !== account.learner.timeZone) await tx.learner.update({ where: { id: accountId }, data: { timeZone: plan.timeZone } });

      // What did not move goes with the guest (cascade); no guest left means another request got here first.
      const deleted = await tx.learner.deleteMany({ where: { id: guestId, userId: null } });
      if (deleted.count !== 1) throw mergeConflict();
      return plan.moved;
    }, { transaction: SNAPSHOT });
    return result.value;
  } catch (error) {
    if (isLostRace(error)) throw mergeConflict();
    throw error;
  }
}

/** Deletes the guest and, by cascade, everything it holds; a guest an account claimed meanwhile is left alone. */
export async function discardGuest(guestId: string): Promise<void> {
  await db.learner.deleteMany({ where: { id: guestId, userId: null } });
}
