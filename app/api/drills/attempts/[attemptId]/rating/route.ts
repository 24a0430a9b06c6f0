import type { NextRequest } from 'next/server';
import { selfRatingRequestSchema } from '@/lib/drills/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { rateAttempt } from '@/server/drills/attempts';
import { drillJson, handleDrillErrors, parseDrillBody } from '@/server/drills/route-helpers';
import { writingLearner } from '@/server/learners/identity';

/** The learner's self-rating of a practice answer; schedules the question for review. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ attemptId: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  return handleDrillErrors(async () => {
    const body = await parseDrillBody(request, selfRatingRequestSchema, 'rating');
    if (!body.ok) return body.response;
    const learner = await writingLearner(request, body.value.timeZone);
    return drillJson(await rateAttempt(learner, (await params).attemptId, body.value), request, learner);
  });
}
