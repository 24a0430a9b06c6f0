import type { NextRequest } from 'next/server';
import { disputeRequestSchema } from '@/lib/drills/contract';
import { refuseCrossSite } from '@/lib/server/api-guard';
import { disputePoint } from '@/lib/server/drill-disputes';
import { drillJson, handleDrillErrors, parseDrillBody } from '@/lib/server/drill-route';
import { writingLearner } from '@/lib/server/learner-identity';

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
