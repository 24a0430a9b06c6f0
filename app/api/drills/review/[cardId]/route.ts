import { MAX_DRILL_BODY_BYTES, reviewRatingRequestSchema } from '@/lib/drills/contract';
import { handle } from '@/server/http/route-kit';
import { rateReviewCard } from '@/server/learners/review-cards';

const body = { schema: reviewRatingRequestSchema, what: 'review', maxBytes: MAX_DRILL_BODY_BYTES };

/** Rates a due card (FSRS) and returns the queue that follows. */
export const POST = handle({ params: ['cardId'], body, learner: 'write' }, async ({ params, body, learner }) => rateReviewCard(learner, params.cardId, body));
