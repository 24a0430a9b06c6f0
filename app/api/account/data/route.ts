import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, refuseCrossSite } from '@/server/http/api-guard';
import { clearLearnerCookie } from '@/server/learners/cookie';
import { deleteLearnerData } from '@/server/learners/data';
import { readingLearnerId } from '@/server/learners/identity';

/** Deletes everything stored for the learner and forgets the device's learner cookie. Nothing to delete is not an error. */
export async function DELETE(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  // The request is the whole instruction; a body would be something the client expects read, and it is not.
  if (await carriesBody(request)) return jsonError(400, 'Send DELETE /api/account/data without a body.');

  const learnerId = await readingLearnerId(request);
  if (learnerId) await deleteLearnerData(learnerId);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  clearLearnerCookie(response, request);
  return response;
}

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
