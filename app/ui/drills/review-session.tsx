'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { SELF_RATINGS, type ReviewQueueView, type SelfRating } from '@/lib/drills/view';
import { DrillApiError, errorMessage, postDrill } from '@/app/ui/api-client';
import { Flashcard } from './flashcard';

/** Today's queue, one card at a time: read, recall, turn, rate; the queue shrinks as you go. Keys: Space turns, 1–4 rate. */
export function ReviewSession({ initial }: { initial: ReviewQueueView }) {
  const [queue, setQueue] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const front = useRef<HTMLDivElement>(null);
  const card = queue.card;

  const rate = async (rating: SelfRating) => {
    if (!card || busy) return;
    setBusy(true);
    setError(null);
    try {
      const next = await postDrill<ReviewQueueView>(`/api/drills/review/${card.id}`, { rating });
      setQueue(next);
      setRevealed(false);
      setAnnouncement(`Rated ${SELF_RATINGS.find((option) => option.value === rating)!.label}. ${next.dueNow} card${next.dueNow === 1 ? '' : 's'} left now.`);
      front.current?.focus();
    } catch (failure) {
      const fresh = failure instanceof DrillApiError ? (failure.details.queue as ReviewQueueView | undefined) : undefined;
      if (fresh) {
        setQueue(fresh);
        setRevealed(false);
      }
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey || target?.closest('input, textarea, select')) return;
      if (!revealed && event.key === ' ' && target?.tagName !== 'BUTTON' && target?.tagName !== 'A') {
        event.preventDefault();
        setRevealed(true);
      } else if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
        void rate(Number(event.key) as SelfRating);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="review-session" aria-labelledby="review-heading">
      <p className="review-counts" data-testid="review-counts">
        <strong data-testid="review-due-count">{queue.dueNow}</strong> due now
        {queue.laterToday > 0 && <span> · {queue.laterToday} more later today</span>}
        <span className="muted"> · {queue.totalCards} in your deck</span>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
      {card ? (
        <Flashcard card={card} revealed={revealed} busy={busy} frontRef={front} onReveal={() => setRevealed(true)} onRate={rate} />
      ) : (
        <div className="notice" data-testid="review-empty">
          <h2 id="review-heading">{queue.totalCards === 0 ? 'No cards yet' : 'All done for now'}</h2>
          {queue.totalCards === 0 ? (
            <p>
              Cards come from the rubric points your answers miss, the exercise tests you fail and the lesson quiz questions you get wrong.{' '}
              <Link href="/drills/practice?order=weakest">Answer a practice question</Link> to start your deck.
            </p>
          ) : (
            <p>
              Nothing is due right now.{queue.laterToday > 0 ? ` ${queue.laterToday} card${queue.laterToday === 1 ? '' : 's'} come back later today.` : ' Come back tomorrow.'}{' '}
              <Link href="/drills">Back to the overview</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
