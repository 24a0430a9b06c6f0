import type { NextRequest } from 'next/server';
import { drillJson, readingLearnerId } from '@/lib/server/drill-route';
import { fetchReviewQueue } from '@/lib/server/review-cards';

/** Today's review queue and its first card. Reading never creates a learner. */
export async function GET(request: NextRequest) {
  return drillJson(await fetchReviewQueue(readingLearnerId(request)), request);
}
