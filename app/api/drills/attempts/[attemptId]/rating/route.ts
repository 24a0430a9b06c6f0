import type { NextRequest } from 'next/server';
import { selfRatingRequestSchema } from '@/lib/drills/contract';
import { rateAttempt } from '@/lib/server/drill-attempts';
import { drillJson, handleDrillErrors, parseDrillBody, writingLearner } from '@/lib/server/drill-route';

/** The learner's self-rating of a practice answer; schedules the question for review. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ attemptId: string }> }) {
  return handleDrillErrors(async () => {
    const body = await parseDrillBody(request, selfRatingRequestSchema, 'rating');
    if (!body.ok) return body.response;
    const learner = await writingLearner(request, body.value.timeZone);
    return drillJson(await rateAttempt(learner, (await params).attemptId, body.value), request, learner);
  });
}
