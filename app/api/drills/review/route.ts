import type { NextRequest } from 'next/server';
import { drillJson } from '@/lib/server/drill-route';
import { readingLearnerId } from '@/lib/server/learner-identity';
import { fetchReviewQueue } from '@/lib/server/review-cards';

/** Today's review queue and its first card. Reading never creates a learner. */
export async function GET(request: NextRequest) {
  return drillJson(await fetchReviewQueue(await readingLearnerId(request)), request);
}
