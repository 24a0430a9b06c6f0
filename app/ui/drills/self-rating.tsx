'use client';

import { useState } from 'react';
import { SELF_RATINGS, type AttemptFeedback, type SelfRating } from '@/lib/drills/view';
import { errorMessage, postDrill } from '@/app/ui/api-client';

/** After the model answer: how well could you have said it? The rating schedules the question for review. */
export function SelfRatingForm({ feedback, onRated }: { feedback: AttemptFeedback; onRated(feedback: AttemptFeedback): void }) {
  const [saving, setSaving] = useState<SelfRating | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rated = feedback.selfRating;

  const rate = async (rating: SelfRating) => {
    setSaving(rating);
    setError(null);
    try {
      onRated(await postDrill<AttemptFeedback>(`/api/drills/attempts/${feedback.attemptId}/rating`, { rating }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(null);
    }
  };

  return (
    <fieldset className="self-rating" data-testid="self-rating">
      <legend>Compared with the model answer, how well could you have said it?</legend>
      <div className="rating-buttons">
        {SELF_RATINGS.map((option) => (
          <button
            key={option.value}
            type="button"
            className={rated === option.value ? 'button primary' : 'button'}
            aria-pressed={rated === option.value}
            disabled={rated !== null || saving !== null}
            onClick={() => rate(option.value)}
          >
            <strong>{option.label}</strong>
            <span className="rating-hint">{saving === option.value ? 'Saving…' : option.hint}</span>
          </button>
        ))}
      </div>
      <p role="status" className="muted">
        {rated !== null && 'Saved. The question is now in your review deck, scheduled by your rating.'}
      </p>
      {error && (
        <p role="alert" className="status-error">
          Not saved: {error}
        </p>
      )}
    </fieldset>
  );
}
