import 'server-only';
import { db } from '../db/db';
import { learnerIdFrom, newLearnerId } from './cookie';

/**
 * At sign-up: the anonymous learner this device's cookie names becomes the account's, so nothing
 * done before signing up is lost. A learner already claimed by another account is never taken over;
 * then, or with no cookie, the account gets a fresh learner.
 */
export async function claimLearner(userId: string, cookieValue: string | undefined): Promise<void> {
  const anonymousId = learnerIdFrom(cookieValue);
  if (anonymousId) {
    const claimed = await db.learner.updateMany({ where: { id: anonymousId, userId: null }, data: { userId } });
    if (claimed.count === 1) return;
  }
  await ensureLearnerFor(userId);
}

/** The account's learner id, made if it has none yet (a session for an account always has one). */
export async function ensureLearnerFor(userId: string): Promise<string> {
  const existing = await db.learner.findUnique({ where: { userId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    return (await db.learner.create({ data: { id: newLearnerId(), userId }, select: { id: true } })).id;
  } catch {
    // Two first requests raced: the other one made it.
    return (await db.learner.findUniqueOrThrow({ where: { userId }, select: { id: true } })).id;
  }
}

/** The anonymous learner a browser's cookie names, if it exists and no account has claimed it. */
export async function unclaimedGuestId(cookieValue: string | undefined): Promise<string | undefined> {
  const id = learnerIdFrom(cookieValue);
  if (!id) return undefined;
  const learner = await db.learner.findUnique({ where: { id }, select: { userId: true } });
  return learner && learner.userId === null ? id : undefined;
}
