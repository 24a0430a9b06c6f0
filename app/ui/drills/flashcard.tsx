'use client';

import Link from 'next/link';
import type { RefObject } from 'react';
import { SELF_RATINGS, type ReviewCardView, type SelfRating } from '@/lib/drills/view';
import { RichText } from './rich-text';

const STATE_NAMES = { new: 'New card', learning: 'Learning', review: 'Review', relearning: 'Relearning' } as const;

interface Props {
  card: ReviewCardView;
  revealed: boolean;
  busy: boolean;
  frontRef: RefObject<HTMLDivElement | null>;
  onReveal(): void;
  onRate(rating: SelfRating): void;
}

/** One card: the front, then (once turned) the back, where to study it, and the four FSRS ratings with their intervals. */
export function Flashcard({ card, revealed, busy, frontRef, onReveal, onRate }: Props) {
  return (
    <article className="flashcard" data-testid="flashcard" data-card-id={card.id} aria-labelledby="review-heading">
      <p className="flashcard-meta muted">
        <span className="tag">{STATE_NAMES[card.state]}</span>
        {card.topic && <span>{card.topic.title}</span>}
      </p>
      <h2 id="review-heading" className="visually-hidden">
        Card
      </h2>
      <div className="flashcard-front" ref={frontRef} tabIndex={-1} data-testid="flashcard-front">
        <RichText text={card.front} />
      </div>
      {revealed ? (
        <>
          <div className="flashcard-back" data-testid="flashcard-back">
            <RichText text={card.back} />
            {card.href && (
              <p>
                <Link href={card.href} prefetch={false}>
                  {card.source === 'question' ? 'Practise this question' : `Study it${card.topic ? `: ${card.topic.title}` : ''}`}
                </Link>
              </p>
            )}
          </div>
          <fieldset className="review-ratings">
            <legend>How well did you recall it?</legend>
            <div className="rating-buttons">
              {SELF_RATINGS.map((option) => (
                <button key={option.value} type="button" className="button" onClick={() => onRate(option.value)} disabled={busy} aria-keyshortcuts={String(option.value)}>
                  <strong>{option.label}</strong>
                  <span className="rating-hint">again in {card.intervals[option.value]}</span>
                </button>
              ))}
            </div>
          </fieldset>
        </>
      ) : (
        <p className="drill-actions">
          <button type="button" className="button primary" onClick={onReveal} aria-keyshortcuts="Space" data-testid="reveal-card">
            Show the answer
          </button>
          <span className="muted">Say your answer first. Keys: Space to turn, 1–4 to rate.</span>
        </p>
      )}
    </article>
  );
}
