'use client';

import { useState } from 'react';
import { MOCK_PHASES } from '@/lib/drills/mock-phases';
import type { MockSessionView } from '@/lib/drills/view';
import { errorMessage, postDrill } from '@/app/ui/api-client';
import { LocalTime } from './local-time';

/** A session left with its phase's time run out: carry on (the phase's clock restarts) or throw it away. */
export function MockResume({ session, onResumed, onDiscarded }: { session: MockSessionView; onResumed(session: MockSessionView): void; onDiscarded(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phase = MOCK_PHASES.find((candidate) => candidate.id === session.phase)!;

  const act = async (action: 'resume' | 'discard') => {
    setBusy(true);
    setError(null);
    try {
      const next = await postDrill<MockSessionView>(`/api/drills/mock/${session.id}`, { action }, { timeZone: false });
      if (action === 'resume') onResumed(next);
      else onDiscarded();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <section className="notice mock-resume" aria-labelledby="resume-heading" data-testid="mock-resume">
      <h2 id="resume-heading">You left a mock interview unfinished</h2>
      <p>
        Started <LocalTime iso={session.startedAt} />; you were on question {session.position + 1} of {session.questionCount}, in the {phase.title.toLowerCase()} phase, and its time ran out while you were away.
        Resume to restart that phase’s clock, or discard the interview to start a new one. A discarded interview is not kept in your history.
      </p>
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
      <p className="drill-actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => act('resume')}>
          Resume
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => act('discard')}>
          Discard
        </button>
      </p>
    </section>
  );
}
