/** A module of the course: an ordered list of lesson ids. */
export interface CourseModule {
  id: string;
  title: string;
  lessons: readonly string[];
}

/** The whole course, in teaching order. */
export type CourseOutline = readonly CourseModule[];

/** Lesson ids in course order, flattened across modules. */
export function lessonOrder(outline: CourseOutline): string[] {
  return outline.flatMap((module) => module.lessons);
}

/** Problems with the outline itself: duplicates across modules or duplicate module ids. */
export function outlineProblems(outline: CourseOutline): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const moduleIds = new Set<string>();
  for (const courseModule of outline) {
    if (moduleIds.has(courseModule.id)) problems.push(`module "${courseModule.id}" is declared twice`);
    moduleIds.add(courseModule.id);
    if (courseModule.lessons.length === 0) problems.push(`module "${courseModule.id}" has no lessons`);
    for (const lessonId of courseModule.lessons) {
      const earlier = seen.get(lessonId);
      if (earlier) problems.push(`lesson "${lessonId}" is listed in "${earlier}" and again in "${courseModule.id}"`);
      seen.set(lessonId, courseModule.id);
    }
  }
  return problems;
}
