import type { LearnerRows, LessonProgressRow, QuizAnswerRow, ExerciseDraftRow, ReviewCardRow } from './learner-rows';

/*
 * Adding a browser's guest progress to the account signed in on it. The guest's rows move to the
 * account's learner. Where both hold a row for the same thing, adding never takes progress away: a
 * completed lesson beats one that is not, a right quiz answer beats a wrong one, and otherwise (two
 * drafts, two review cards, two ticks of the same kind) the one changed last wins, as the last write
 * would have had both been one learner all along. Logs (events, attempts, interviews, submissions)
 * are history: all of them move, except an event whose requestId the account already used, which
 * is the same write.
 */

/** What the guest has, in the words the account page uses. */
export interface GuestSummary {
  lessonsCompleted: number;
  quizAnswers: number;
  drillAttempts: number;
  mockInterviews: number;
  reviewCards: number;
  submissions: number;
  drafts: number;
}

export function summarizeRows(rows: LearnerRows): GuestSummary {
  return {
    lessonsCompleted: rows.lessonProgress.filter((row) => row.completedAt !== null).length,
    quizAnswers: rows.quizAnswers.length,
    drillAttempts: rows.drillAttempts.length,
    mockInterviews: rows.mockSessions.length,
    reviewCards: rows.reviewCards.length,
    submissions: rows.submissions.length,
    drafts: rows.exerciseDrafts.length,
  };
}

const LABELS: [keyof GuestSummary, string, string][] = [
  ['lessonsCompleted', 'lesson completed', 'lessons completed'],
  ['quizAnswers', 'quiz answer', 'quiz answers'],
  ['drillAttempts', 'drill answer', 'drill answers'],
  ['mockInterviews', 'mock interview', 'mock interviews'],
  ['reviewCards', 'review card', 'review cards'],
  ['submissions', 'exercise submission', 'exercise submissions'],
  ['drafts', 'exercise draft', 'exercise drafts'],
];

/** "3 lessons completed, 1 quiz answer": the non-zero counts, in the order a learner meets them. */
export function describeSummary(summary: GuestSummary): string {
  const parts = LABELS.filter(([key]) => summary[key] > 0).map(([key, one, many]) => `${summary[key]} ${summary[key] === 1 ? one : many}`);
  return parts.length ? parts.join(', ') : 'nothing new';
}

/** True when there is nothing worth offering to add. */
export function isEmptySummary(summary: GuestSummary): boolean {
  return Object.values(summary).every((count) => count === 0);
}

/**
 * The writes that merge a guest into an account; the guest learner and whatever of it did not move
 * are deleted after. Lists are bounded by the course (lessons, questions, exercises, rubric points)
 * or by clashes, never by how much the guest did: drill answers, interviews and submissions all move.
 */
export interface GuestMergePlan {
  /** Keyed rows that move, learnerId unchanged (the executor rewrites it); each replaces the account's row with its key, if any. */
  lessonProgress: LessonProgressRow[];
  quizAnswers: QuizAnswerRow[];
  exerciseDrafts: ExerciseDraftRow[];
  /** Review cards that move with their logs; an account card with the same sourceKey is replaced. */
  reviewCardIds: string[];
  /** The account's cards a moving card replaces. */
  replacedCardIds: string[];
  /** Events that stay behind: the account already wrote one with the same requestId. Every other event moves. */
  duplicateProgressEventIds: string[];
  duplicateDrillEventIds: string[];
  /** The guest's running interview, when the account has one too: at most one may run, so it moves as discarded. */
  discardedSessionIds: string[];
  /** The account keeps its own time zone; a guest's fills in only when the account has none. */
  timeZone: string | null;
  /** What moved, for the learner. */
  moved: GuestSummary;
}

type Event = { id: string; requestId: string };

const time = (date: Date | null) => date?.getTime() ?? -Infinity;

/** The guest rows that beat the account's row with the same key; a guest row with no rival moves. */
function guestWinners<T>(guest: readonly T[], account: readonly T[], key: (row: T) => string, beats: (guestRow: T, accountRow: T) => boolean): T[] {
  const accountRows = new Map(account.map((row) => [key(row), row]));
  return guest.filter((row) => {
    const rival = accountRows.get(key(row));
    return rival === undefined || beats(row, rival);
  });
}

/** Later wins; a tie keeps the account's row. */
const later = (guestAt: Date | null, accountAt: Date | null) => time(guestAt) > time(accountAt);
/** Done beats not done; between equals, later wins. */
const doneThenLater = (guestDone: boolean, accountDone: boolean, guestAt: Date, accountAt: Date) => (guestDone !== accountDone ? guestDone : later(guestAt, accountAt));

export function planGuestMerge(account: LearnerRows, guest: LearnerRows): GuestMergePlan {
  const lessonProgress = guestWinners(guest.lessonProgress, account.lessonProgress, (row) => row.lessonId, (mine, theirs) =>
    doneThenLater(mine.completedAt !== null, theirs.completedAt !== null, mine.updatedAt, theirs.updatedAt),
  );
  const quizAnswers = guestWinners(guest.quizAnswers, account.quizAnswers, (row) => `${row.lessonId}/${row.questionId}`, (mine, theirs) =>
    doneThenLater(mine.correct, theirs.correct, mine.answeredAt, theirs.answeredAt),
  );
  const exerciseDrafts = guestWinners(guest.exerciseDrafts, account.exerciseDrafts, (row) => row.exerciseId, (mine, theirs) => later(mine.updatedAt, theirs.updatedAt));
  // A card's memory is its last review; one never reviewed loses to one that was.
  const cards = guestWinners<ReviewCardRow>(guest.reviewCards, account.reviewCards, (card) => card.sourceKey, (mine, theirs) => later(mine.lastReview, theirs.lastReview));
  const movingKeys = new Set(cards.map((card) => card.sourceKey));
  // "Lessons completed" counts lessons the account gains, not a newer tick on one it had.
  const completedInAccount = new Set(account.lessonProgress.filter((row) => row.completedAt !== null).map((row) => row.lessonId));

  // A requestId is unique per learner within each event table.
  const duplicates = (guestEvents: readonly Event[], accountEvents: readonly Event[]) => {
    const used = new Set(accountEvents.map((event) => event.requestId));
    return guestEvents.filter((event) => used.has(event.requestId)).map((event) => event.id);
  };
  const accountIsInterviewing = account.mockSessions.some((session) => session.status === 'active');

  return {
    lessonProgress,
    quizAnswers,
    exerciseDrafts,
    reviewCardIds: cards.map((card) => card.id),
    replacedCardIds: account.reviewCards.filter((card) => movingKeys.has(card.sourceKey)).map((card) => card.id),
    duplicateProgressEventIds: duplicates(guest.progressEvents, account.progressEvents),
    duplicateDrillEventIds: duplicates(guest.drillEvents, account.drillEvents),
    discardedSessionIds: accountIsInterviewing ? guest.mockSessions.filter((session) => session.status === 'active').map((session) => session.id) : [],
    timeZone: account.learner.timeZone ?? guest.learner.timeZone,
    moved: {
      lessonsCompleted: lessonProgress.filter((row) => row.completedAt !== null && !completedInAccount.has(row.lessonId)).length,
      quizAnswers: quizAnswers.length,
      drillAttempts: guest.drillAttempts.length,
      mockInterviews: guest.mockSessions.length,
      reviewCards: cards.length,
      submissions: guest.submissions.length,
      drafts: exerciseDrafts.length,
    },
  };
}
