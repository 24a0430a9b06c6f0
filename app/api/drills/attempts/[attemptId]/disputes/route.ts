import type { NextRequest } from 'next/server';
import { disputeRequestSchema } from '@/lib/drills/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { disputePoint } from '@/server/drills/disputes';
import { drillJson, handleDrillErrors, parseDrillBody } from '@/server/drills/route-helpers';
import { writingLearner } from '@/server/learners/identity';

/** A learner disputes a missed point of their answer, or confirms the dispute against the model answer. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ attemptId: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  return handleDrillErrors(async () => {
    const body = await parseDrillBody(request, disputeRequestSchema, 'dispute');
    if (!body.ok) return body.response;
    const learner = await writingLearner(request, body.value.timeZone);
    return drillJson(await disputePoint(learner, (await params).attemptId, body.value), request, learner);
  });
}
