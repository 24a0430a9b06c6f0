import type { NextRequest } from 'next/server';
import { mockActionRequestSchema } from '@/lib/drills/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { drillJson, handleDrillErrors, parseDrillBody } from '@/server/drills/route-helpers';
import { readingLearnerId, writingLearner } from '@/server/learners/identity';
import { actOnMockSession, fetchMockSession } from '@/server/drills/mock-sessions';

type Params = { params: Promise<{ sessionId: string }> };

/** A mock interview's state, with the server's clock. */
export async function GET(request: NextRequest, { params }: Params) {
  return handleDrillErrors(async () => drillJson(await fetchMockSession(await readingLearnerId(request), (await params).sessionId), request));
}

/** Submits the current phase, resumes an abandoned session, or discards it. */
export async function POST(request: NextRequest, { params }: Params) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  return handleDrillErrors(async () => {
    const body = await parseDrillBody(request, mockActionRequestSchema, 'mock interview action');
    if (!body.ok) return body.response;
    const learner = await writingLearner(request, 'timeZone' in body.value ? body.value.timeZone : undefined);
    return drillJson(await actOnMockSession(learner, (await params).sessionId, body.value), request, learner);
  });
}
