import { joinSections } from './answer-text';
import type { MockPhaseId } from './view';

export interface MockPhase {
  id: MockPhaseId;
  title: string;
  /** What the learner does in this phase, as an interviewer would frame it. */
  prompt: string;
}

/** The four phases of every mock question, in order: the shape of a system-design interview answer. */
export const MOCK_PHASES: readonly MockPhase[] = [
  { id: 'clarify', title: 'Clarify', prompt: 'Ask the questions you would ask and state your assumptions: scale, traffic shape, constraints.' },
  { id: 'high-level', title: 'High-level answer', prompt: 'Give the answer you would give out loud: the choice, and why it fits.' },
  { id: 'deep-dive', title: 'Deep dive', prompt: 'The interviewer digs in. Answer the follow-ups.' },
  { id: 'trade-offs', title: 'Trade-offs', prompt: 'What did you give up, what could fail, and what would change your mind?' },
];

/** The phase ids in order (MOCK_PHASES lists them with their text; a test keeps the two aligned). */
export const MOCK_PHASE_IDS = ['clarify', 'high-level', 'deep-dive', 'trade-offs'] as const satisfies readonly MockPhaseId[];

export function phaseIndex(id: MockPhaseId): number {
  return MOCK_PHASE_IDS.indexOf(id);
}

/** Shortest and longest phase the server accepts, in seconds. */
export const PHASE_SECONDS = { min: 15, max: 3600 } as const;
export const MOCK_QUESTIONS = { min: 1, max: 5, default: 3 } as const;

/** Session lengths offered on the start form: seconds per phase, in MOCK_PHASES order. */
export const MOCK_PRESETS = [
  { id: 'quick', title: 'Quick', phaseSeconds: [60, 120, 120, 60] },
  { id: 'standard', title: 'Standard', phaseSeconds: [120, 300, 300, 180] },
  { id: 'thorough', title: 'Thorough', phaseSeconds: [180, 480, 480, 240] },
] as const;

/**
 * How long after a phase's deadline a submission still counts as on time. The page submits by
 * itself when the countdown ends, so a later arrival means nobody was there: the session was abandoned.
 */
export const PHASE_GRACE_MS = 20_000;

export function phaseDeadline(phaseStartedAt: Date, seconds: number): Date {
  return new Date(phaseStartedAt.getTime() + seconds * 1000);
}

/** Whole seconds left in a phase, never negative; rounded up so "0" means the time is really over. */
export function secondsLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

/** Whether a phase ran out with nobody there to submit it. */
export function isAbandoned(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime() + PHASE_GRACE_MS;
}

/** Whether a phase took longer than its limit (beyond the grace for the automatic submit). */
export function isOvertime(seconds: number, limit: number): boolean {
  return seconds * 1000 > limit * 1000 + PHASE_GRACE_MS;
}

export type CountdownMilestone = 'start' | 'one-minute' | 'fifteen-seconds' | 'over';

/**
 * Which announcement a countdown is at. A screen reader hears the phase start, one minute left
 * (when the phase is long enough for that to be news), fifteen seconds left, and time up: four
 * messages per phase, never one per tick.
 */
export function countdownMilestone(left: number, total: number): CountdownMilestone {
  if (left <= 0) return 'over';
  if (left <= 15 && total > 30) return 'fifteen-seconds';
  if (left <= 60 && total > 90) return 'one-minute';
  return 'start';
}

/** "4:05" for a countdown, "1:02:03" past an hour. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "5 minutes", "1 minute 30 seconds", "45 seconds": for announcements and labels. */
export function spokenDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** A mock question's answer as scored: its phases' texts in phase order, blank lines between. */
export function joinPhaseAnswers(answers: Partial<Record<MockPhaseId, string>>): string {
  return joinSections(answers as Record<string, string>, MOCK_PHASE_IDS);
}
