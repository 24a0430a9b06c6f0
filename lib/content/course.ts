import type { LessonFrontmatter } from './lesson-schema';
import type { LessonOutline } from './remark-lesson';

/*
 * The course as the pages see it: server/content/course-loader.ts reads and validates the lesson
 * files into these shapes; the outline, sidebar, pager and search render them.
 */

/** What the outline, sidebar and search need: no body. */
export interface LessonSummary {
  slug: string;
  id: string;
  title: string;
  description: string;
  moduleId: string;
  moduleTitle: string;
  position: number;
  readingMinutes: number;
}

/** A lesson's validated frontmatter and raw body: cheap to load, enough for every API. */
export interface LessonEntry extends LessonSummary {
  frontmatter: LessonFrontmatter;
  /** Changes whenever the lesson's text changes; progress events record the version they were earned on. */
  contentVersion: string;
  body: string;
}

/** A lesson ready to render: its compiled MDX and what the compile learned about it. */
export interface CompiledLesson extends LessonEntry {
  outline: LessonOutline;
  /** The body as static HTML, with placeholders for the diagram islands. */
  html: string;
}

export interface Course {
  modules: { id: string; title: string; lessons: LessonSummary[] }[];
  lessons: LessonEntry[];
  lessonsBySlug: Map<string, LessonEntry>;
  lessonsById: Map<string, LessonEntry>;
}

/** A lesson's summary fields only, so a page passes no body to the client. */
export function summarise(lesson: LessonSummary): LessonSummary {
  const { slug, id, title, description, moduleId, moduleTitle, position, readingMinutes: minutes } = lesson;
  return { slug, id, title, description, moduleId, moduleTitle, position, readingMinutes: minutes };
}
