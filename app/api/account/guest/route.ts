import { NextResponse, type NextRequest } from 'next/server';
import { ApiError } from '@/server/http/api-error';
import { handle } from '@/server/http/route-kit';
import { getAuth } from '@/server/auth/auth';
import { discardGuest, mergeGuestIntoAccount } from '@/server/learners/guest-merge';
import { ensureLearnerFor, unclaimedGuestId } from '@/server/learners/accounts';
import { clearLearnerCookie, LEARNER_COOKIE } from '@/server/learners/cookie';

/*
 * The guest progress a signed-in browser still holds: POST adds it to the account, DELETE discards
 * it (on a shared computer it may be someone else's). Either way the browser forgets the guest.
 */

/** The signed-in user and the browser's guest; a 401 or 404 when there is nothing to do. */
async function signedInWithGuest(request: NextRequest): Promise<{ userId: string; guestId: string }> {
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) throw new ApiError(401, 'Sign in first: guest progress is added to the account signed in on this browser.');
  const guestId = await unclaimedGuestId(request.cookies.get(LEARNER_COOKIE)?.value);
  if (!guestId) throw new ApiError(404, 'This browser has no guest progress.');
  return { userId: session.user.id, guestId };
}

/** Adds this browser's guest progress to the account signed in on it; answers what moved. */
export const POST = handle({}, async ({ request }) => {
  const { userId, guestId } = await signedInWithGuest(request);
  const moved = await mergeGuestIntoAccount(guestId, await ensureLearnerFor(userId));
  const response = NextResponse.json({ moved }, { headers: { 'Cache-Control': 'no-store' } });
  clearLearnerCookie(response, request);
  return response;
});

/** Deletes this browser's guest progress without touching the account. */
export const DELETE = handle({}, async ({ request }) => {
  await discardGuest((await signedInWithGuest(request)).guestId);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  clearLearnerCookie(response, request);
  return response;
});
