import type { Metadata } from 'next';
import { ReviewSession } from '@/app/ui/drills/review-session';
import { currentLearnerId } from '@/server/learners/identity';
import { fetchReviewQueue } from '@/server/learners/review-cards';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage() {
  const queue = await fetchReviewQueue(await currentLearnerId());
  return (
    <>
      <h1>Review</h1>
      <p className="drills-intro">Flashcards from what you missed (rubric points, failed exercise tests, wrong quiz answers), scheduled with FSRS: each comes back just before you would forget it. New cards are capped at 20 a day.</p>
      <ReviewSession initial={queue} />
    </>
  );
}
