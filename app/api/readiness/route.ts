import { nextStepOf } from '@/lib/progress/readiness';
import { handle } from '@/server/http/route-kit';
import { fetchReadiness } from '@/server/learners/readiness';

/** The returning learner's next step, for the home page (the full picture is /progress). */
export const GET = handle({ learner: 'read' }, async ({ learnerId }) => nextStepOf(await fetchReadiness(learnerId)));
