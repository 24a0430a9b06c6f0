import 'server-only';
import { cookies, headers } from 'next/headers';
import type { NextRequest } from 'next/server';
import { getAuth } from '../auth/auth';
import { LEARNER_COOKIE, newLearnerId } from './cookie';
import { ensureLearnerFor, unclaimedGuestId } from './accounts';

/** The learner a write is for. A new learner's row is created inside the write's own transaction. */
export interface WritingLearner {
  id: string;
  isNew: boolean;
  /** The browser's time zone, stored so "today" means the learner's day. */
  timeZone?: string;
}

/**
 * Whose progress a request reads and writes. Signed in: the account's learner, whatever the
 * device's cookie says. Signed out: the anonymous learner the cookie names, unless an account has
 * claimed it, since after signing out (or on a shared computer) an old cookie must not open an
 * account's data. Every route and page asks this one function.
 */
export async function resolveLearnerId(requestHeaders: Headers, cookieValue: string | undefined): Promise<string | undefined> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (session) return ensureLearnerFor(session.user.id);
  return unclaimedGuestId(cookieValue);
}

/** The learner a route handler's request is for, if any; reads never create one. */
export function readingLearnerId(request: NextRequest): Promise<string | undefined> {
  return resolveLearnerId(request.headers, request.cookies.get(LEARNER_COOKIE)?.value);
}

/** The same for a server component's request. */
export async function currentLearnerId(): Promise<string | undefined> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return resolveLearnerId(headerList, cookieStore.get(LEARNER_COOKIE)?.value);
}

/** The learner a write is for: the request's, or a new anonymous one (created by the write, which then sets the cookie). */
export async function writingLearner(request: NextRequest, timeZone?: string): Promise<WritingLearner> {
  return writingLearnerFor(await readingLearnerId(request), timeZone);
}

/** The same for a learner already resolved, once the write is sure to happen (a refused request makes no learner). */
export function writingLearnerFor(id: string | undefined, timeZone?: string): WritingLearner {
  if (id) return { id, isNew: false, timeZone };
  return { id: newLearnerId(), isNew: true, timeZone };
}
