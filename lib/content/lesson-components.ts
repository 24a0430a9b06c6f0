/** The closed set of components a lesson may use; content checks and the renderer share it. */
export const LESSON_COMPONENTS = ['Diagram', 'Callout', 'InterviewAngle', 'Lab'] as const;
export type LessonComponentName = (typeof LESSON_COMPONENTS)[number];

/** Lesson sections every page adds around the body, so links may point at them. */
export const FIXED_LESSON_ANCHORS = ['objectives', 'interview-angle', 'quiz'] as const;
