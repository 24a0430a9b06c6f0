import Link from 'next/link';
import { DIFFICULTY_LABELS, STATUS_LABELS, TOPIC_LABELS } from '@/lib/exercises/labels';
import { EXERCISE_TOPICS } from '@/lib/grading/exercise-schema';
import type { ExerciseListItem } from '@/lib/exercises/contract';

/** The exercises grouped by topic, each with its difficulty, the learner's status and the lesson it practises. */
export function ExerciseList({ items }: { items: ExerciseListItem[] }) {
  return EXERCISE_TOPICS.map((topic) => {
    const inTopic = items.filter((item) => item.meta.topic === topic);
    if (inTopic.length === 0) return null;
    return (
      <section key={topic} className="exercise-group" aria-labelledby={`topic-${topic}`}>
        <h2 id={`topic-${topic}`}>{TOPIC_LABELS[topic]}</h2>
        <ul className="exercise-cards">
          {inTopic.map(({ meta, status, lesson }) => (
            <li key={meta.id} className="exercise-card" data-testid={`exercise-${meta.id}`} data-status={status}>
              <h3>
                <Link href={`/exercises/${meta.id}`}>{meta.title}</Link>
              </h3>
              <p>{meta.summary}</p>
              <p className="exercise-facts">
                <span className={`difficulty difficulty-${meta.difficulty}`}>{DIFFICULTY_LABELS[meta.difficulty]}</span>
                <span className={`exercise-status status-${status}`} data-testid="exercise-status">
                  {STATUS_LABELS[status]}
                </span>
                {lesson && (
                  <span>
                    Practises <Link href={`/learn/${lesson.slug}`}>{lesson.title}</Link>
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
    );
  });
}
