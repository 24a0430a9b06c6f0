import { handle } from '@/server/http/route-kit';
import { fetchReviewQueue } from '@/server/learners/review-cards';

/** Today's review queue and its first card. Reading never creates a learner. */
export const GET = handle({ learner: 'read' }, async ({ learnerId }) => fetchReviewQueue(learnerId));
