import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, refuseCrossSite } from '@/lib/server/api-guard';
import { getAuth } from '@/lib/server/auth';
import { GuestMergeConflictError, mergeGuestIntoAccount } from '@/lib/server/guest-merge';
import { ensureLearnerFor, unclaimedGuestId } from '@/lib/server/learner-accounts';
import { clearLearnerCookie, LEARNER_COOKIE } from '@/lib/server/learner-cookie';

/** Adds this browser's guest progress to the account signed in on it; answers what moved. */
export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return jsonError(401, 'Sign in first: guest progress is added to the account signed in on this browser.');
  const guestId = await unclaimedGuestId(request.cookies.get(LEARNER_COOKIE)?.value);
  if (!guestId) return jsonError(404, 'This browser has no guest progress to add.');

  try {
    const moved = await mergeGuestIntoAccount(guestId, await ensureLearnerFor(session.user.id));
    const response = NextResponse.json({ moved }, { headers: { 'Cache-Control': 'no-store' } });
    clearLearnerCookie(response, request);
    return response;
  } catch (error) {
    if (!(error instanceof GuestMergeConflictError)) throw error;
    return jsonError(409, 'Your progress changed while the guest’s was being added; nothing was moved. Try again.');
  }
}
