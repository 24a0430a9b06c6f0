/** Where the home page sends a learner: the first lesson, the next one not yet done, or past the end. */
export type Resume<T> = { kind: 'start'; lesson: T } | { kind: 'continue'; lesson: T; done: number } | { kind: 'finished'; done: number };

/**
 * The first lesson in course order not yet completed. Course order, not the last lesson opened:
 * a lesson skipped early is the one the outline's prerequisites assume, so it comes back first.
 */
export function resumePoint<T extends { id: string }>(lessons: readonly T[], isCompleted: (lessonId: string) => boolean): Resume<T> {
  const done = lessons.filter((lesson) => isCompleted(lesson.id)).length;
  const next = lessons.find((lesson) => !isCompleted(lesson.id));
  if (!next) return { kind: 'finished', done };
  return done === 0 ? { kind: 'start', lesson: next } : { kind: 'continue', lesson: next, done };
}
