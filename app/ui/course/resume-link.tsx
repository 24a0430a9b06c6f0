'use client';

import Link from 'next/link';
import { resumePoint } from '@/lib/progress/resume';
import { useProgress } from '../progress/progress-context';

interface LessonLink {
  id: string;
  slug: string;
  title: string;
}

/**
 * The home page's main call to action. Prerendered as "Start with" the first lesson; once the
 * learner's progress has loaded it says where they left off, or, with every lesson done, points
 * at the drills.
 */
export function ResumeLink({ lessons }: { lessons: LessonLink[] }) {
  const progress = useProgress();
  const point = resumePoint(lessons, (id) => progress.status === 'ready' && progress.lesson(id).completed);
  if (point.kind === 'finished') {
    return (
      <Link href="/drills" className="button primary" data-testid="resume">
        All {lessons.length} lessons done: practise interview questions
      </Link>
    );
  }
  const verb = point.kind === 'start' ? 'Start with' : 'Continue with';
  return (
    <Link href={`/learn/${point.lesson.slug}`} className="button primary" data-testid="resume">
      {verb} “{point.lesson.title}”
    </Link>
  );
}
