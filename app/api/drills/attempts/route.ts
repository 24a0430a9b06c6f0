import type { NextRequest } from 'next/server';
import { attemptRequestSchema } from '@/lib/drills/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { recordPracticeAttempt } from '@/server/drills/attempts';
import { drillJson, handleDrillErrors, parseDrillBody } from '@/server/drills/route-helpers';
import { writingLearner } from '@/server/learners/identity';

/** Scores a practice answer and returns the feedback, then the model answer. */
export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  return handleDrillErrors(async () => {
    const body = await parseDrillBody(request, attemptRequestSchema, 'answer');
    if (!body.ok) return body.response;
    const learner = await writingLearner(request, body.value.timeZone);
    return drillJson(await recordPracticeAttempt(learner, body.value), request, learner);
  });
}
