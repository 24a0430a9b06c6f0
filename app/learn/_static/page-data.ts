import type { LessonDiagram, LessonHeading } from '@/lib/content/remark-lesson';
import type { QuizQuestion } from '@/lib/content/lesson-schema';
import type { ExerciseMeta } from '@/lib/grading/exercise-schema';
import type { Course, LessonSummary } from '@/lib/content/course';

/*
 * What the static pages are rendered from: plain data, so the renderer (a separate bundle with its
 * own React, see prerender-bundle.ts) never reaches the server modules.
 */

/** The page's scripts and styles, from the islands build. */
export interface PageAssets {
  /** One stylesheet for every static page: cached once, then free on every lesson a learner opens next. */
  stylesheet: string;
  /** The boot module every static page loads, and the chunks it imports at once. */
  boot: string;
  preloads: string[];
}

/** What the lesson's islands need in the browser: read from the page's JSON, never executed. */
export interface LessonIslandData {
  diagrams: LessonDiagram[];
  labs: string[];
  /** The lab embed's stylesheet, loaded with the first embed. */
  labCss: string;
}

export interface LessonEndProps {
  lessonId: string;
  questions: QuizQuestion[];
}

export interface LessonPageData {
  assets: PageAssets;
  modules: Course['modules'];
  lessonCount: number;
  lesson: LessonSummary & { objectives: string[]; headings: LessonHeading[]; html: string };
  previous?: LessonSummary;
  next?: LessonSummary;
  exercises: ExerciseMeta[];
  islands: LessonIslandData;
  lessonEnd: LessonEndProps;
}

export interface OutlinePageData {
  assets: PageAssets;
  modules: Course['modules'];
  lessonCount: number;
  minutes: number;
}
