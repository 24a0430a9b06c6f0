import { renderToString } from 'react-dom/server';
import { CourseSidebar } from '@/app/ui/course/course-sidebar';
import { PractiseThis } from '@/app/ui/exercises/practise-this';
import { LessonPager } from '@/app/ui/lesson/lesson-pager';
import { TableOfContents } from '@/app/ui/lesson/table-of-contents';
import { LessonEnd } from '../../_islands/lesson-end';
import type { LessonPageData } from '../page-data';
import { StaticDocument } from './static-document';

/** JSON inside <script type="application/json">: data, never run, and no "</script>" can end it early. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * A lesson as one static document. The title comes before the table of contents in the
 * document, so a phone shows it first; wide screens put the contents in the right column.
 */
export function LessonPage({ assets, modules, lessonCount, lesson, previous, next, exercises, islands, lessonEnd }: LessonPageData) {
  return (
    <StaticDocument title={lesson.title} description={lesson.description} assets={assets} prefetch={next && `/learn/${next.slug}`}>
      <CourseSidebar modules={modules} currentSlug={lesson.slug} />
      <main id="main" className="lesson-layout">
        <header className="lesson-header">
          <p className="lesson-meta">
            <span>{lesson.moduleTitle}</span>
            <span>
              Lesson {lesson.position + 1} of {lessonCount}
            </span>
            <span>{lesson.readingMinutes} min read</span>
          </p>
          <h1>{lesson.title}</h1>
        </header>
        <TableOfContents headings={lesson.headings} />
        <article className="lesson-article" data-lesson-id={lesson.id}>
          <section className="lesson-objectives" aria-labelledby="objectives">
            <h2 id="objectives">By the end you will be able to</h2>
            <ul>
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
          <div className="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.html }} />
          <PractiseThis exercises={exercises} />
          <div data-island="lesson-end" dangerouslySetInnerHTML={{ __html: renderToString(<LessonEnd {...lessonEnd} />) }} />
          <script type="application/json" id="lesson-end-props" dangerouslySetInnerHTML={{ __html: jsonForScript(lessonEnd) }} />
          <script type="application/json" id="lesson-islands" dangerouslySetInnerHTML={{ __html: jsonForScript(islands) }} />
          <LessonPager previous={previous} next={next} />
        </article>
      </main>
    </StaticDocument>
  );
}
