'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { MOCK_PHASES } from '@/lib/drills/mock-phases';
import type { MockSessionView } from '@/lib/drills/view';
import { Countdown } from './countdown';
import { DrillApiError, errorMessage, postDrill } from '@/app/ui/api-client';
import { MockPhaseBody } from './mock-phase-body';
import { useDraft } from './use-draft';

function received(session: MockSessionView) {
  return { session, clockOffset: Date.parse(session.now) - Date.now() };
}

/** Runs a mock interview phase by phase against the server's clock; submits by itself when a phase's time is up. */
export function MockRunner({ initial, onDiscarded }: { initial: MockSessionView; onDiscarded(): void }) {
  const router = useRouter();
  // The browser's clock may be off; the server's `now` in each view says by how much, and the countdown corrects for it.
  const [{ session, clockOffset }, setReceived] = useState(() => received(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const answerBox = useRef<HTMLTextAreaElement>(null);
  const phaseIndex = MOCK_PHASES.findIndex((phase) => phase.id === session.phase);
  const phase = MOCK_PHASES[phaseIndex]!;
  const step = `${session.id}:${session.position}:${session.phase}`;
  const [text, setText, clearText] = useDraft(`tc-mock:${step}`);

  useEffect(() => {
    if (document.activeElement === document.body || answerBox.current?.closest('.mock-runner')?.contains(document.activeElement)) answerBox.current?.focus();
  }, [step]);

  const submit = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await postDrill<MockSessionView>(`/api/drills/mock/${session.id}`, { action: 'submit', position: session.position, phase: session.phase, text });
      clearText();
      if (next.status === 'completed') return router.push(`/drills/mock/${session.id}`);
      setReceived(received(next));
    } catch (failure) {
      const current = failure instanceof DrillApiError ? (failure.details.session as MockSessionView | undefined) : undefined;
      if (current?.status === 'active') setReceived(received(current));
      else if (current?.status === 'completed') return router.push(`/drills/mock/${session.id}`);
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }, [session, text, clearText, router]);

  const discard = async () => {
    setBusy(true);
    try {
      await postDrill(`/api/drills/mock/${session.id}`, { action: 'discard' }, { timeZone: false });
      onDiscarded();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const lastPhase = phaseIndex === MOCK_PHASES.length - 1;
  const lastQuestion = session.position === session.questionCount - 1;
  return (
    <section className="mock-runner" aria-labelledby="mock-question-heading" data-testid="mock-runner">
      <div className="mock-header">
        <p className="mock-progress">
          Question {session.position + 1} of {session.questionCount}
        </p>
        <Countdown key={step} deadline={session.deadline} clockOffset={clockOffset} totalSeconds={session.phaseSeconds[phaseIndex]!} phaseTitle={phase.title} onExpire={submit} />
      </div>
      <ol className="phase-steps" aria-label="Phases">
        {MOCK_PHASES.map((candidate, index) => (
          <li key={candidate.id} aria-current={index === phaseIndex ? 'step' : undefined} data-done={index < phaseIndex}>
            {candidate.title}
          </li>
        ))}
      </ol>
      <h2 id="mock-question-heading" className="question-prompt">
        {session.current!.question.prompt}
      </h2>
      <MockPhaseBody session={session} phase={phase} text={text} onText={setText} answerBox={answerBox} disabled={busy} />
      {error && (
        <p role="alert" className="status-error" data-testid="mock-error">
          {error}
        </p>
      )}
      <p className="drill-actions">
        <button type="button" className="button primary" onClick={submit} disabled={busy} data-testid="next-phase">
          {busy ? 'Submitting…' : lastPhase ? (lastQuestion ? 'Finish the interview' : 'Finish this question') : 'Done: next phase'}
        </button>
        {confirmDiscard ? (
          <>
            <span>Discard this interview? It will not be kept.</span>
            <button type="button" className="button" onClick={discard} disabled={busy}>
              Yes, discard
            </button>
            <button type="button" className="button" onClick={() => setConfirmDiscard(false)}>
              Keep going
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmDiscard(true)} disabled={busy}>
            Discard interview
          </button>
        )}
      </p>
    </section>
  );
}
