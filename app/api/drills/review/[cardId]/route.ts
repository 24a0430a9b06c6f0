import type { NextRequest } from 'next/server';
import { reviewRatingRequestSchema } from '@/lib/drills/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { drillJson, handleDrillErrors, parseDrillBody } from '@/server/drills/route-helpers';
import { writingLearner } from '@/server/learners/identity';
import { rateReviewCard } from '@/server/learners/review-cards';

/** Rates a due card (FSRS) and returns the queue that follows. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ cardId: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  return handleDrillErrors(async () => {
    const body = await parseDrillBody(request, reviewRatingRequestSchema, 'review');
    if (!body.ok) return body.response;
    const learner = await writingLearner(request, body.value.timeZone);
    return drillJson(await rateReviewCard(learner, (await params).cardId, body.value), request, learner);
  });
}
