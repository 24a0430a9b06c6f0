import type { ExerciseDifficulty, ExerciseTopic } from '@/lib/grading/exercise-schema';
import type { VerdictStatus } from '@/lib/grading/verdict';
import type { ExerciseStatus } from './contract';

/** How the exercise list names each topic group. */
export const TOPIC_LABELS: Readonly<Record<ExerciseTopic, string>> = {
  'balancing-algorithms': 'Balancing algorithms',
  'hashing-and-affinity': 'Hashing and affinity',
  'health-checks': 'Health checks',
  routing: 'Routing',
  sessions: 'Sessions',
};

export const DIFFICULTY_LABELS: Readonly<Record<ExerciseDifficulty, string>> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

export const STATUS_LABELS: Readonly<Record<ExerciseStatus, string>> = { 'not-started': 'Not started', attempted: 'Attempted', passed: 'Passed' };

export const VERDICT_LABELS: Readonly<Record<VerdictStatus, string>> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  'compile-error': 'Compile error',
  'time-limit': 'Time limit',
  'memory-limit': 'Memory limit',
  'too-large': 'Too large',
  'rate-limited': 'Rate limited',
  unavailable: 'Unavailable',
  'internal-error': 'Internal error',
};
