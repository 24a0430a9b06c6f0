/**
 * What the drill pages and APIs exchange, as plain types: client components import these
 * without pulling in zod or the question bank (the server validates with lib/drills/contract.ts).
 */
import type { CapReason } from './score';
import type { Streak } from './streak';

/** The learner's own verdict after seeing the model answer, on FSRS's scale (ts-fsrs Rating). */
export type SelfRating = 1 | 2 | 3 | 4;

export const SELF_RATINGS: readonly { value: SelfRating; label: string; hint: string }[] = [
  { value: 1, label: 'Again', hint: 'I could not have said this' },
  { value: 2, label: 'Hard', hint: 'I got there, with gaps' },
  { value: 3, label: 'Good', hint: 'I would say most of it' },
  { value: 4, label: 'Easy', hint: 'I could say it all, fluently' },
];

/** Where a rubric point is taught. */
export interface LessonLink {
  slug: string;
  title: string;
  /** `/learn/<slug>#<anchor>`, or the lesson itself when the point names no section. */
  href: string;
}

/** A learner's claim that their answer covered a missed point: counted for their mastery once confirmed. */
export type DisputeState = 'disputed' | 'confirmed';

export interface PointFeedback {
  id: string;
  label: string;
  weight: number;
  covered: boolean;
  /** The clause of the answer that covers the point. */
  quote: string | null;
  lesson: LessonLink;
  /** The model answer's sentence for this point, to compare against before confirming a dispute; missed points only. */
  modelQuote: string | null;
  dispute: DisputeState | null;
}

/** A wrong belief the answer stated: shown before the points, in plain words, with the lesson that corrects it. */
export interface MisconceptionFeedback {
  id: string;
  pointId: string;
  /** "round robin looks at how busy each server is" */
  says: string;
  correction: string;
  /** The learner's clause that said it. */
  quote: string;
  lesson: LessonLink;
}

export interface ScoreView {
  /** 0..1 after any keyword-list cap. */
  score: number;
  earned: number;
  /** Weight taken off for stated misconceptions. */
  penalty: number;
  possible: number;
  cap: { reason: CapReason; limit: number } | null;
  misconceptions: MisconceptionFeedback[];
  points: PointFeedback[];
  /** The question's rubric changed since this was scored: the breakdown is the one shown on the day. */
  rubricChanged: boolean;
}

export interface AttemptFeedback extends ScoreView {
  attemptId: string;
  questionId: string;
  /** Sent only once the learner has answered. */
  modelAnswer: string;
  selfRating: SelfRating | null;
  /** Review cards this answer added (one per missed point not already in the deck). */
  cardsAdded: number;
}

export interface TemplateView {
  id: string;
  title: string;
  summary: string;
  sections: { id: string; title: string; prompt: string }[];
}

export interface TopicRef {
  id: string;
  title: string;
}

/** A question as a learner sees it before answering: no rubric terms, no model answer. */
export interface QuestionView {
  id: string;
  prompt: string;
  kind: string;
  difficulty: number;
  topics: TopicRef[];
  template: TemplateView | null;
  pointCount: number;
}

export type MockPhaseId = 'clarify' | 'high-level' | 'deep-dive' | 'trade-offs';

export type MockStatus = 'active' | 'completed' | 'discarded';

/** A mock interview in progress, with the server's clock. */
export interface MockSessionView {
  id: string;
  status: MockStatus;
  startedAt: string;
  /** The server's time when this view was made: the browser corrects its own clock by it. */
  now: string;
  phaseSeconds: number[];
  questionCount: number;
  position: number;
  phase: MockPhaseId;
  phaseStartedAt: string;
  deadline: string;
  /** The current phase ran out with nobody there to submit: the learner left. Resume restarts its clock. */
  abandoned: boolean;
  current: {
    question: QuestionView;
    /** Chosen from the points the high-level answer missed; null until that phase is submitted. */
    followUps: string[] | null;
    answers: Partial<Record<MockPhaseId, string>>;
    /** Characters left for this question across all its phases. */
    charsLeft: number;
  } | null;
}

export interface MockPhaseResult {
  phase: MockPhaseId;
  seconds: number;
  limit: number;
  overtime: boolean;
}

export interface MockQuestionResult extends ScoreView {
  position: number;
  questionId: string;
  prompt: string;
  followUps: string[];
  phases: MockPhaseResult[];
  modelAnswer: string;
}

export interface TopicScore {
  topic: TopicRef;
  earned: number;
  possible: number;
}

export interface MockSummaryView {
  id: string;
  status: MockStatus;
  startedAt: string;
  endedAt: string | null;
  /** Weighted share of rubric points covered over every question answered. */
  score: number;
  questions: MockQuestionResult[];
  topics: TopicScore[];
}

export interface MockHistoryItem {
  id: string;
  startedAt: string;
  endedAt: string;
  questionCount: number;
  score: number;
}

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

export interface ReviewCardView {
  id: string;
  front: string;
  back: string;
  source: string;
  topic: TopicRef | null;
  href: string | null;
  state: CardState;
  /** When each rating would bring the card back ("10 min", "3 days"), from the scheduler. */
  intervals: Record<SelfRating, string>;
}

export interface ReviewQueueView {
  /** Cards to review now: every due card, plus new cards up to today's allowance. */
  dueNow: number;
  /** Cards that come due later today (learning steps), counted in the learner's time zone. */
  laterToday: number;
  totalCards: number;
  card: ReviewCardView | null;
}

export type MasteryLevel = 'not-started' | 'weak' | 'learning' | 'strong';

export interface TopicMasteryView {
  topic: TopicRef;
  moduleTitle: string;
  mastery: number;
  level: MasteryLevel;
  questionsAnswered: number;
  quizAnswers: number;
  questionCount: number;
}

/** Everything the drills overview shows. */
export interface DrillOverview {
  /** Whether the learner has done anything the overview can show. */
  started: boolean;
  streak: Streak;
  reviews: ReviewQueueView;
  /** Every lesson: those with evidence weakest first, then the untried in course order. */
  topics: TopicMasteryView[];
  answers: number;
  history: MockHistoryItem[];
  activeMock: MockSessionView | null;
}

export interface PracticeListItem {
  id: string;
  prompt: string;
  kind: string;
  difficulty: number;
  topics: TopicRef[];
  /** The learner's latest score on it, if answered. */
  lastScore: number | null;
}
