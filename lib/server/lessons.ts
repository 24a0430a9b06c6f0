import 'server-only';
import { loadCourse } from './course-loader';

export type { Course, Lesson, LessonSummary } from './course-loader';

/** The course, loaded and validated once per server process (and once per build). */
export const getCourse = (() => {
  let course: ReturnType<typeof loadCourse> | undefined;
  return () => (course ??= loadCourse());
})();

export async function getLesson(slug: string) {
  return (await getCourse()).lessonsBySlug.get(slug);
}
