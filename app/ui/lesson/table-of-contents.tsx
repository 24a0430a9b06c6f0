import type { LessonHeading } from '@/lib/content/remark-lesson';

/**
 * "On this page": the lesson's h2/h3 headings, plus the fixed closing sections. A column of its own
 * on wide screens; on narrower ones it sits under the title, collapsed behind a button.
 */
export function TableOfContents({ headings }: { headings: LessonHeading[] }) {
  const entries = [...headings, { depth: 2 as const, text: 'In the interview', slug: 'interview-angle' }, { depth: 2 as const, text: 'Quiz', slug: 'quiz' }];
  return (
    <nav className="toc" aria-label="On this page" data-open="false">
      <h2>On this page</h2>
      <button type="button" className="button small toc-toggle" aria-expanded="false" aria-controls="toc-entries" data-disclosure="" data-label-open="Hide the contents" data-label-closed="On this page: show the contents">
        On this page: show the contents
      </button>
      <ol id="toc-entries">
        {entries.map((heading) => (
          <li key={heading.slug} data-depth={heading.depth}>
            <a href={`#${heading.slug}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
