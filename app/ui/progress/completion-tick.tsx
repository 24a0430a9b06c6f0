'use client';

import { useProgress } from './progress-context';

/** ✓ when the lesson is complete; an empty circle otherwise. Announced as text for screen readers. */
export function CompletionTick({ lessonId }: { lessonId: string }) {
  const { lesson } = useProgress();
  const done = lesson(lessonId).completed;
  return (
    <span className="tick" data-done={done} data-testid={`tick-${lessonId}`}>
      <span aria-hidden="true">{done ? '✓' : '○'}</span>
      <span className="visually-hidden">{done ? '(completed)' : '(not completed)'}</span>
    </span>
  );
}
