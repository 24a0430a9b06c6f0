import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, refuseCrossSite } from '@/server/http/api-guard';
import { getAuth } from '@/server/auth/auth';
import { discardGuest, GuestMergeConflictError, mergeGuestIntoAccount } from '@/server/learners/guest-merge';
import { ensureLearnerFor, unclaimedGuestId } from '@/server/learners/accounts';
import { clearLearnerCookie, LEARNER_COOKIE } from '@/server/learners/cookie';

/*
 * The guest progress a signed-in browser still holds: POST adds it to the account, DELETE discards
 * it (on a shared computer it may be someone else's). Either way the browser forgets the guest.
 */

/** The signed-in user and the browser's guest, or the answer that says why there is nothing to do. */
async function signedInWithGuest(request: NextRequest): Promise<{ userId: string; guestId: string } | NextResponse> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return jsonError(401, 'Sign in first: guest progress is added to the account signed in on this browser.');
  const guestId = await unclaimedGuestId(request.cookies.get(LEARNER_COOKIE)?.value);
  if (!guestId) return jsonError(404, 'This browser has no guest progress.');
  return { userId: session.user.id, guestId };
}

/** Adds this browser's guest progress to the account signed in on it; answers what moved. */
export async function POST(request: NextRequest) {
  const found = await signedInWithGuest(request);
  if (found instanceof NextResponse) return found;
  try {
    const moved = await mergeGuestIntoAccount(found.guestId, await ensureLearnerFor(found.userId));
    const response = NextResponse.json({ moved }, { headers: { 'Cache-Control': 'no-store' } });
    clearLearnerCookie(response, request);
    return response;
  } catch (error) {
    if (!(error instanceof GuestMergeConflictError)) throw error;
    return jsonError(409, 'Your progress changed while the guest’s was being added; nothing was moved. Try again.');
  }
}

/** Deletes this browser's guest progress without touching the account. */
export async function DELETE(request: NextRequest) {
  const found = await signedInWithGuest(request);
  if (found instanceof NextResponse) return found;
  await discardGuest(found.guestId);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  clearLearnerCookie(response, request);
  return response;
}
