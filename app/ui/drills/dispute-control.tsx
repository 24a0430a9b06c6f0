'use client';

import { useState } from 'react';
import type { AttemptFeedback, PointFeedback } from '@/lib/drills/view';
import { errorMessage, postDrill } from '@/app/ui/api-client';

/**
 * "I covered this": a learner who believes the scorer missed a point says so (stored, so rubric
 * gaps can be found), compares their answer with the model answer's sentence for it, and only
 * then confirms it, which counts the point for their own mastery. The score itself stays.
 */
export function DisputeControl({ attemptId, point, onChanged }: { attemptId: string; point: PointFeedback; onChanged: (feedback: AttemptFeedback) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (action: 'dispute' | 'confirm') => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await postDrill<AttemptFeedback>(`/api/drills/attempts/${attemptId}/disputes`, { pointId: point.id, action }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  if (point.dispute === 'confirmed') {
    return (
      <p className="dispute-state" data-testid="dispute-confirmed">
        You confirmed you covered this: it counts toward your mastery. The score above stays as scored.
      </p>
    );
  }
  return (
    <div className="dispute" data-testid={`dispute-${point.id}`}>
      {point.dispute === 'disputed' ? (
        <>
          <p className="dispute-state">
            Compare with the model answer{point.modelQuote ? ':' : '.'}
            {point.modelQuote && <q className="dispute-model-quote">{point.modelQuote}</q>}
          </p>
          <button type="button" className="button small" disabled={busy} onClick={() => send('confirm')}>
            {busy ? 'Saving…' : 'My answer says this'}
          </button>
        </>
      ) : (
        <button type="button" className="button small" disabled={busy} onClick={() => send('dispute')} aria-label={`I covered this: ${point.label}`}>
          {busy ? 'Saving…' : 'I covered this'}
        </button>
      )}
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
    </div>
  );
}
