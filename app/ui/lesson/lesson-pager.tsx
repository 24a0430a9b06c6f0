import Link from 'next/link';
import type { LessonSummary } from '@/lib/content/course';

/** Previous and next lesson in course order. */
export function LessonPager({ previous, next }: { previous?: LessonSummary; next?: LessonSummary }) {
  return (
    <nav className="pager" aria-label="Lesson navigation">
      {previous && (
        <Link href={`/learn/${previous.slug}`} prefetch={false} rel="prev">
          <small>← Previous</small>
          {previous.title}
        </Link>
      )}
      {next && (
        <Link href={`/learn/${next.slug}`} prefetch={false} rel="next" className="next">
          <small>Next →</small>
          {next.title}
        </Link>
      )}
    </nav>
  );
}
