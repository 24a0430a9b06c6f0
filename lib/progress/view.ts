/** One lesson's progress as every page shows it. */
export interface LessonProgressView {
  completed: boolean;
  completedAt: string | null;
  answers: Record<string, { correct: boolean }>;
}

/** All of a learner's progress, keyed by lesson id. */
export interface ProgressSnapshot {
  lessons: Record<string, LessonProgressView>;
}

export const emptyLessonProgress = (): LessonProgressView => ({ completed: false, completedAt: null, answers: {} });

/** What the browser sends (the server validates it with `progressRequestSchema`). */
export type ProgressAction =
  | { action: 'complete' }
  | { action: 'reopen' }
  | { action: 'answer'; questionId: string; response: number | string };
