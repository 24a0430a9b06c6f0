'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { NextStepView } from '@/lib/progress/readiness';
import { api } from '@/app/ui/api-client';

/**
 * A returning learner's next step, under the home page's main button: reviews due, the weakest
 * topic, and the way to the readiness page. Nothing for a new learner, or when the request fails
 * (the main button still works).
 */
export function NextStep() {
  const [step, setStep] = useState<NextStepView | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.readiness().then((result) => !cancelled && setStep(result.ok ? result.value : null));
    return () => {
      cancelled = true;
    };
  }, []);
  if (!step?.started) return null;
  return (
    <p className="next-step" data-testid="next-step">
      Welcome back.
      {step.reviewsDue > 0 && (
        <>
          {' '}
          <Link href="/drills/review">
            {step.reviewsDue} review card{step.reviewsDue === 1 ? '' : 's'} due
          </Link>
          .
        </>
      )}
      {step.weakest && (
        <>
          {' '}
          Your weakest topic so far: <Link href={`/learn/${step.weakest.slug}`}>{step.weakest.title}</Link> ({Math.round(step.weakest.readiness * 100)}% ready).
        </>
      )}{' '}
      <Link href="/progress" data-testid="readiness-link">
        See how ready you are
      </Link>
    </p>
  );
}
