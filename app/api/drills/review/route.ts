import type { NextRequest } from 'next/server';
import { drillJson } from '@/server/drills/route-helpers';
import { readingLearnerId } from '@/server/learners/identity';
import { fetchReviewQueue } from '@/server/learners/review-cards';

/** Today's review queue and its first card. Reading never creates a learner. */
export async function GET(request: NextRequest) {
  return drillJson(await fetchReviewQueue(await readingLearnerId(request)), request);
}
