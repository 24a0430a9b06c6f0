import { disputeRequestSchema, MAX_DRILL_BODY_BYTES } from '@/lib/drills/contract';
import { handle } from '@/server/http/route-kit';
import { disputePoint } from '@/server/drills/disputes';

const body = { schema: disputeRequestSchema, what: 'dispute', maxBytes: MAX_DRILL_BODY_BYTES };

/** A learner disputes a missed point of their answer, or confirms the dispute against the model answer. */
export const POST = handle({ params: ['attemptId'], body, learner: 'write' }, async ({ params, body, learner }) => disputePoint(learner, params.attemptId, body));
