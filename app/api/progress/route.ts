import { handle } from '@/server/http/route-kit';
import { fetchProgress } from '@/server/learners/progress';

/** The learner's progress across the course. */
export const GET = handle({ learner: 'read' }, async ({ learnerId }) => fetchProgress(learnerId));
