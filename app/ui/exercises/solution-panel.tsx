'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { FAILS_BEFORE_SOLUTION, type SolutionAccess } from '@/lib/exercises/solution-access';
import { api } from '@/app/ui/api-client';

const SolutionDiff = dynamic(() => import('./solution-diff'), { ssr: false, loading: () => <p className="muted">Loading the comparison…</p> });

interface Props {
  exerciseId: string;
  access: SolutionAccess;
  /** The learner's code as it was when the comparison opened; null while closed. */
  compare: string | null;
  onOpen: () => void;
  onClose: () => void;
}

/** The reference solution in a diff beside the learner's code, once earned (or offered after failed submits). */
export function SolutionPanel({ exerciseId, access, compare, onOpen, onClose }: Props) {
  const [reference, setReference] = useState<string>();
  const [error, setError] = useState<string>();
  const open = compare !== null && access !== 'locked';

  useEffect(() => {
    if (!open || reference !== undefined) return;
    let cancelled = false;
    void (async () => {
      const result = await api.solution(exerciseId);
      if (cancelled) return;
      if (result.ok) setReference(result.value.solution);
      else setError(result.status === 0 ? 'The solution could not be loaded; check your connection.' : result.error);
    })();
    return () => {
      cancelled = true;
    };
  }, [open, reference, exerciseId]);

  if (access === 'locked') return null;
  return (
    <section className="solution-panel" aria-labelledby="solution-heading">
      <h2 id="solution-heading">Reference solution</h2>
      {!open ? (
        <p>
          {access === 'earned' ? 'You passed: compare your code with the reference solution.' : `After ${FAILS_BEFORE_SOLUTION} submits that did not pass, you may look at the reference solution.`}{' '}
          <button type="button" className="button" onClick={onOpen} data-testid="show-solution">
            Compare with the reference solution
          </button>
        </p>
      ) : error ? (
        <p role="alert">{error}</p>
      ) : reference === undefined ? (
        <p className="muted">Loading the reference solution…</p>
      ) : (
        <>
          <p className="muted">Yours on the left, the reference on the right. Your code in the editor is unchanged.</p>
          <SolutionDiff mine={compare} reference={reference} />
          <button type="button" className="button" onClick={onClose}>
            Hide the comparison
          </button>
        </>
      )}
    </section>
  );
}
