import { NextResponse, type NextRequest } from 'next/server';
import { ApiError } from '@/server/http/api-error';
import { handle } from '@/server/http/route-kit';
import { clearLearnerCookie } from '@/server/learners/cookie';
import { deleteLearnerData } from '@/server/learners/data';

/** Deletes everything stored for the learner and forgets the device's learner cookie. Nothing to delete is not an error. */
export const DELETE = handle({ learner: 'read' }, async ({ request, learnerId }) => {
  // The request is the whole instruction; a body would be something the client expects read, and it is not.
  if (await carriesBody(request)) throw new ApiError(400, 'Send DELETE /api/account/data without a body.');
  if (learnerId) await deleteLearnerData(learnerId);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  clearLearnerCookie(response, request);
  return response;
});

async function carriesBody(request: NextRequest): Promise<boolean> {
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) return false;
    if (value.byteLength > 0) {
      await reader.cancel();
      return true;
    }
  }
  return false;
}
