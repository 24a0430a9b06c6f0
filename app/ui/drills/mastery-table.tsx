import Link from 'next/link';
import type { TopicMasteryView } from '@/lib/drills/view';
import { percent } from './format';
import { DataTable } from '../data-table';

const LEVEL_NAMES = { 'not-started': 'Not started', weak: 'Weak', learning: 'Learning', strong: 'Strong' } as const;

function evidence(topic: TopicMasteryView): string {
  const parts = [];
  if (topic.questionsAnswered > 0) parts.push(`${topic.questionsAnswered} drill${topic.questionsAnswered === 1 ? '' : 's'}`);
  if (topic.quizAnswers > 0) parts.push(`${topic.quizAnswers} quiz answer${topic.quizAnswers === 1 ? '' : 's'}`);
  return parts.join(', ') || '—';
}

/** Every lesson by mastery, weakest first, from drill answers and lesson quizzes alike. */
export function MasteryTable({ topics }: { topics: TopicMasteryView[] }) {
  return (
    <section aria-labelledby="mastery-heading">
      <h2 id="mastery-heading">Topics by mastery</h2>
      <p className="muted">
        Weakest first. Mastery counts your latest answer to each drill and your lesson quiz answers, and grows with evidence: one good answer is a start, not mastery.
      </p>
      <DataTable label="Topics by mastery" className="mastery-table" testId="mastery-table">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Mastery</th>
              <th scope="col">From</th>
              <th scope="col">
                <span className="visually-hidden">Practise</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr key={topic.topic.id} data-level={topic.level}>
                <th scope="row">
                  <Link href={`/learn/${topic.topic.id}`} prefetch={false}>
                    {topic.topic.title}
                  </Link>
                  <span className="muted topic-module">{topic.moduleTitle}</span>
                </th>
                <td>
                  <span className="level" data-level={topic.level}>
                    {LEVEL_NAMES[topic.level]}
                  </span>
                  {topic.level !== 'not-started' && (
                    <span className="meter" role="img" aria-label={`${percent(topic.mastery)} mastery`}>
                      <span style={{ width: percent(topic.mastery) }} />
                    </span>
                  )}
                </td>
                <td>{evidence(topic)}</td>
                <td>
                  {topic.questionCount > 0 && (
                    <Link href={`/drills/practice?topic=${topic.topic.id}`} prefetch={false} aria-label={`Practise ${topic.topic.title}`}>
                      Practise
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
      </DataTable>
    </section>
  );
}
