import type { Streak } from '@/lib/drills/streak';
import type { MockHistoryItem, ReviewQueueView } from '@/lib/drills/view';
import type { ExerciseStatus } from '@/lib/exercises/contract';
import type { Resume } from './resume';
import type { LessonProgressView } from './view';

/** What one topic (a lesson of the outline) has to show, from every source. */
export interface TopicEvidence {
  lesson: { id: string; slug: string; title: string; moduleId: string; moduleTitle: string };
  progress: LessonProgressView | undefined;
  quizTotal: number;
  exercises: readonly { id: string; title: string; status: ExerciseStatus }[];
  /** Drill mastery (0..1) when the learner has drill or quiz evidence for the topic and it has drill questions. */
  drill: { mastery: number; level: 'not-started' | 'weak' | 'learning' | 'strong'; answered: number; questions: number };
}

/** One part of a topic's readiness, with its share (0..1) and how it reads. */
export interface ReadinessPart {
  source: 'lesson' | 'quiz' | 'exercises' | 'drills';
  share: number;
  text: string;
}

export interface TopicReadiness {
  lesson: TopicEvidence['lesson'];
  parts: ReadinessPart[];
  /** The mean of the parts' shares: every source the topic has counts once, the same. */
  readiness: number;
  quizCorrect: number;
  quizTotal: number;
  exerciseCount: number;
  exercisesAccepted: number;
  exercisesAttempted: number;
  drillLevel: TopicEvidence['drill']['level'];
  /** Whether the learner has done anything on this topic, from any source. */
  touched: boolean;
}

/** A topic's readiness: the plain mean of the sources it has (lesson read, quiz, exercises, drills), each 0..1. */
export function topicReadiness(topic: TopicEvidence): TopicReadiness {
  const quizCorrect = Object.values(topic.progress?.answers ?? {}).filter((answer) => answer.correct).length;
  const accepted = topic.exercises.filter((exercise) => exercise.status === 'passed').length;
  const attempted = topic.exercises.filter((exercise) => exercise.status !== 'not-started').length;
  const parts: ReadinessPart[] = [{ source: 'lesson', share: topic.progress?.completed ? 1 : 0, text: topic.progress?.completed ? 'lesson read' : 'lesson not marked complete' }];
  if (topic.quizTotal > 0) parts.push({ source: 'quiz', share: Math.min(1, quizCorrect / topic.quizTotal), text: `quiz ${quizCorrect}/${topic.quizTotal}` });
  if (topic.exercises.length > 0) parts.push({ source: 'exercises', share: accepted / topic.exercises.length, text: `exercises ${accepted}/${topic.exercises.length} accepted` });
  if (topic.drill.questions > 0) parts.push({ source: 'drills', share: topic.drill.mastery, text: `drill mastery ${Math.round(topic.drill.mastery * 100)}%` });
  const readiness = parts.reduce((sum, part) => sum + part.share, 0) / parts.length;
  const touched = Boolean(topic.progress?.completed) || quizCorrect > 0 || Object.keys(topic.progress?.answers ?? {}).length > 0 || attempted > 0 || topic.drill.level !== 'not-started';
  return {
    lesson: topic.lesson,
    parts,
    readiness,
    quizCorrect,
    quizTotal: topic.quizTotal,
    exerciseCount: topic.exercises.length,
    exercisesAccepted: accepted,
    exercisesAttempted: attempted,
    drillLevel: topic.drill.level,
    touched,
  };
}

/** The topics most worth working on next: touched ones, least ready first (ties in course order). */
export function weakestTopics(topics: readonly TopicReadiness[], count = 3): TopicReadiness[] {
  return topics
    .map((topic, position) => ({ topic, position }))
    .filter(({ topic }) => topic.touched && topic.readiness < 1)
    .sort((a, b) => a.topic.readiness - b.topic.readiness || a.position - b.position)
    .slice(0, count)
    .map(({ topic }) => topic);
}

export type LessonLink = { id: string; slug: string; title: string };

/** Everything the readiness page shows for one learner: per topic, from lessons, quizzes, exercises and drills, plus reviews. */
export interface ReadinessView {
  modules: { id: string; title: string; topics: TopicReadiness[] }[];
  resume: Resume<LessonLink>;
  totals: { lessons: number; lessonsDone: number; quizTotal: number; quizCorrect: number; exercises: number; exercisesAccepted: number; exercisesAttempted: number; drillAnswers: number };
  reviews: ReviewQueueView;
  streak: Streak;
  mocks: MockHistoryItem[];
  /** Whether the learner has any evidence at all, from any source. */
  started: boolean;
}


/** The home page's greeting for a returning learner: one next step and the way to the full picture. */
export interface NextStepView {
  started: boolean;
  resume: Resume<LessonLink>;
  reviewsDue: number;
  weakest: { slug: string; title: string; readiness: number } | null;
}

export function nextStepOf(view: ReadinessView): NextStepView {
  const [weakest] = weakestTopics(view.modules.flatMap((courseModule) => courseModule.topics), 1);
  return {
    started: view.started,
    resume: view.resume,
    reviewsDue: view.reviews.dueNow,
    weakest: weakest ? { slug: weakest.lesson.slug, title: weakest.lesson.title, readiness: weakest.readiness } : null,
  };
}
