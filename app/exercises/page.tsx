import type { Metadata } from 'next';
import { ExerciseList } from '@/app/ui/exercises/exercise-list';
import { currentLearnerId } from '@/server/learners/identity';
import { fetchExerciseList } from '@/server/exercises/learner-work';

export const metadata: Metadata = {
  title: 'Exercises',
  description: 'Implement the load-balancing algorithms yourself, in TypeScript, graded by visible and hidden tests.',
};

export default async function ExercisesPage() {
  const items = await fetchExerciseList(await currentLearnerId());
  return (
    <main id="main" className="page exercises-page">
      <h1>Exercises</h1>
      <p className="exercises-intro">
        Write the algorithms the lessons describe. Run checks your code against the visible tests in your browser; Submit sends it to the server, which also runs hidden tests and keeps the verdict.
      </p>
      <ExerciseList items={items} />
    </main>
  );
}
