import Link from 'next/link';
import { DIFFICULTY_LABELS } from '@/lib/exercises/labels';
import type { ExerciseMeta } from '@/lib/grading/exercise-schema';

/** "Practise this": the exercises for a lesson, as plain server-rendered links (no client JS on lesson pages). */
export function PractiseThis({ exercises }: { exercises: ExerciseMeta[] }) {
  if (exercises.length === 0) return null;
  return (
    <section className="practise-this" aria-labelledby="practise-this" data-testid="practise-this">
      <h2 id="practise-this">Practise this</h2>
      <ul>
        {exercises.map((exercise) => (
          <li key={exercise.id}>
            <Link href={`/exercises/${exercise.id}`} prefetch={false}>
              {exercise.title}
            </Link>{' '}
            <span className="practise-meta">({DIFFICULTY_LABELS[exercise.difficulty]})</span>: {exercise.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}
