import 'server-only';
import { compileLesson, loadCourse, type CompiledLesson, type Course } from './course-loader';

export type { CompiledLesson, Course, LessonEntry, LessonSummary } from './course-loader';

let course: Promise<Course> | undefined;
const compiled = new Map<string, Promise<CompiledLesson>>();

/** The course's frontmatter, validated once per server process: fast enough for any request. */
export function getCourse(): Promise<Course> {
  course ??= loadCourse();
  return course;
}

/** A lesson compiled for rendering; compiled at most once per process (in practice, at build time). */
export async function getCompiledLesson(slug: string): Promise<CompiledLesson | undefined> {
  const lesson = (await getCourse()).lessonsBySlug.get(slug);
  if (!lesson) return undefined;
  if (!compiled.has(slug)) compiled.set(slug, compileLesson(lesson));
  return compiled.get(slug);
}

/** Every lesson compiled, in course order (search index, content checks). */
export async function getCompiledCourse(): Promise<CompiledLesson[]> {
  return Promise.all((await getCourse()).lessons.map((lesson) => getCompiledLesson(lesson.slug) as Promise<CompiledLesson>));
}
