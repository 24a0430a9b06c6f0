import Link from 'next/link';
import type { TopicReadiness } from '@/lib/progress/readiness';
import { DataTable } from '../data-table';
import { percent } from '../drills/format';

const DRILL_LEVELS = { 'not-started': 'Not started', weak: 'Weak', learning: 'Learning', strong: 'Strong' } as const;

/** One module's topics: readiness with what went into it, then each source's own figure. */
export function ReadinessTable({ id, title, topics }: { id: string; title: string; topics: TopicReadiness[] }) {
  return (
    <section aria-labelledby={`progress-${id}`}>
      <h3 id={`progress-${id}`}>{title}</h3>
      <DataTable label={`${title}: readiness by topic`} className="readiness-table">
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Ready</th>
            <th scope="col">Lesson</th>
            <th scope="col">Quiz</th>
            <th scope="col">Exercises</th>
            <th scope="col">Drills</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => {
            const exercises = topic.parts.find((part) => part.source === 'exercises');
            const drills = topic.parts.find((part) => part.source === 'drills');
            return (
              <tr key={topic.lesson.id} data-testid={`progress-row-${topic.lesson.id}`}>
                <th scope="row">
                  <Link href={`/learn/${topic.lesson.slug}`}>{topic.lesson.title}</Link>
                </th>
                <td>
                  <strong>{percent(topic.readiness)}</strong>
                  <span className="meter" role="img" aria-label={`${percent(topic.readiness)} ready`}>
                    <span style={{ width: percent(topic.readiness) }} />
                  </span>
                  <span className="muted readiness-from">from {topic.parts.map((part) => part.text).join(', ')}</span>
                </td>
                <td>{topic.parts[0]!.share === 1 ? '✓ Completed' : 'Not completed'}</td>
                <td>{topic.quizTotal > 0 ? `${topic.quizCorrect} / ${topic.quizTotal}` : '—'}</td>
                <td>{exercises ? `${topic.exercisesAccepted} / ${topic.exerciseCount} accepted${topic.exercisesAttempted > topic.exercisesAccepted ? `, ${topic.exercisesAttempted - topic.exercisesAccepted} attempted` : ''}` : '—'}</td>
                <td>{drills ? `${DRILL_LEVELS[topic.drillLevel]}${topic.drillLevel === 'not-started' ? '' : ` (${percent(drills.share)})`}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </section>
  );
}
