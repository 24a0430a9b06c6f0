import { compileLesson, loadCourse, type CompiledLesson, type Course } from '@/server/content/course-loader';

export interface CompiledCourse extends Omit<Course, 'lessons' | 'lessonsById' | 'lessonsBySlug'> {
  lessons: CompiledLesson[];
  lessonsById: Map<string, CompiledLesson>;
  lessonsBySlug: Map<string, CompiledLesson>;
}

let course: Promise<CompiledCourse> | undefined;

/** The real course from content/, every lesson compiled, once per test file. */
export function realCourse(): Promise<CompiledCourse> {
  course ??= loadCourse().then(async (loaded) => {
    const lessons = await Promise.all(loaded.lessons.map(compileLesson));
    return { modules: loaded.modules, lessons, lessonsById: new Map(lessons.map((l) => [l.id, l])), lessonsBySlug: new Map(lessons.map((l) => [l.slug, l])) };
  });
  return course;
}
