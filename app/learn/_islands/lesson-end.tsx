import { useEffect } from 'react';
import { MarkComplete } from '@/app/ui/progress/mark-complete';
import { ProgressProvider } from '@/app/ui/progress/progress-context';
import { TickSync } from '@/app/ui/progress/tick-sync';
import { Quiz } from '@/app/ui/quiz/quiz';
import type { LessonEndProps } from '../_static/page-data';

/**
 * The quiz and Mark complete, the one island that is server-rendered and hydrated: the page is
 * served with the same markup, so it never shifts when the island wakes up.
 */
export function LessonEnd({ lessonId, questions }: LessonEndProps) {
  // Effects run only once hydrated: the attribute tells tests (and CSS, if it wants) the island is live.
  useEffect(() => document.querySelector('[data-island="lesson-end"]')?.setAttribute('data-live', ''), []);
  return (
    <ProgressProvider>
      <Quiz lessonId={lessonId} questions={questions} />
      <MarkComplete lessonId={lessonId} />
      <TickSync />
    </ProgressProvider>
  );
}
