import type { LessonHeading } from '@/lib/content/remark-lesson';

/** "On this page": the lesson's h2/h3 headings, plus the fixed closing sections. */
export function TableOfContents({ headings }: { headings: LessonHeading[] }) {
  const entries = [...headings, { depth: 2 as const, text: 'In the interview', slug: 'interview-angle' }, { depth: 2 as const, text: 'Quiz', slug: 'quiz' }];
  return (
    <nav className="toc" aria-label="On this page">
      <h2>On this page</h2>
      <ol>
        {entries.map((heading) => (
          <li key={heading.slug} data-depth={heading.depth}>
            <a href={`#${heading.slug}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
