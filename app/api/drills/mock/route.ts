import type { NextRequest } from 'next/server';
import { mockStartRequestSchema } from '@/lib/drills/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { drillJson, handleDrillErrors, parseDrillBody } from '@/server/drills/route-helpers';
import { readingLearnerId, writingLearner } from '@/server/learners/identity';
import { fetchMockHistory } from '@/server/drills/mock-history';
import { fetchActiveMockSession, startMockSession } from '@/server/drills/mock-sessions';

/** The learner's unfinished mock interview (or null) and their finished ones. */
export async function GET(request: NextRequest) {
  const learnerId = await readingLearnerId(request);
  const [active, history] = await Promise.all([fetchActiveMockSession(learnerId), fetchMockHistory(learnerId)]);
  return drillJson({ active, history }, request);
}

/** Starts a mock interview; the server's clock starts the first phase. */
export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  return handleDrillErrors(async () => {
    const body = await parseDrillBody(request, mockStartRequestSchema, 'mock interview');
    if (!body.ok) return body.response;
    const learner = await writingLearner(request, body.value.timeZone);
    return drillJson(await startMockSession(learner, body.value), request, learner);
  });
}
