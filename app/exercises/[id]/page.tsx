import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExerciseWorkspace } from '@/app/ui/exercises/exercise-workspace';
import { Hints } from '@/app/ui/exercises/hints';
import { DiagramIslands } from '@/app/ui/lesson/diagram-islands';
import { compileLessonBody } from '@/lib/content/compile-lesson';
import { MODULES } from '@/lib/grading/harness/index';
import { DIFFICULTY_LABELS, TOPIC_LABELS } from '@/lib/exercises/labels';
import { currentLearnerId } from '@/server/learners/identity';
import { fetchExerciseWork } from '@/server/exercises/learner-work';
import { getExercise } from '@/server/exercises/judge';
import { getCourse } from '@/server/content/lessons';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exercise = await getExercise((await params).id);
  return exercise ? { title: exercise.meta.title, description: exercise.meta.summary } : {};
}

export default async function ExercisePage({ params }: Props) {
  const exercise = await getExercise((await params).id);
  if (!exercise) notFound();
  const { meta } = exercise;
  const [spec, work, course] = await Promise.all([
    compileLessonBody(exercise.spec, meta.id, `exercises/${meta.id}/spec.mdx`),
    fetchExerciseWork(await currentLearnerId(), meta.id),
    getCourse(),
  ]);
  const lesson = course.lessonsById.get(meta.lesson);
  return (
    <main id="main" className="exercise-layout">
      <article className="exercise-brief">
        <p className="lesson-meta">
          <Link href="/exercises">Exercises</Link>
          <span>{TOPIC_LABELS[meta.topic]}</span>
          <span>{DIFFICULTY_LABELS[meta.difficulty]}</span>
        </p>
        <h1>{meta.title}</h1>
        {lesson && (
          <p>
            Practises <Link href={`/learn/${lesson.slug}`}>{lesson.title}</Link>.
          </p>
        )}
        <div className="lesson-body" dangerouslySetInnerHTML={{ __html: spec.html }} />
        <DiagramIslands diagrams={spec.outline.diagrams} />
        <Hints hints={meta.hints} />
      </article>
      <ExerciseWorkspace
        exercise={{ id: meta.id, title: meta.title, starter: exercise.starter, types: exercise.types, visibleTests: exercise.visibleTests, timeLimitMs: meta.timeLimitMs, races: exercise.visibleTests.includes(MODULES.race) }}
        draft={work.draft}
        history={work.history}
        solution={work.solution}
      />
    </main>
  );
}
