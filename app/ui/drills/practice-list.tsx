import Link from 'next/link';
import type { PracticeListItem } from '@/lib/drills/view';
import { DIFFICULTY_LABELS, percent } from './format';

/** The questions a filter selected, each with its kind, difficulty, lessons and the learner's last score. */
export function PracticeList({ items }: { items: PracticeListItem[] }) {
  if (items.length === 0) {
    return (
      <p className="notice" data-testid="practice-empty">
        No question matches these filters. <Link href="/drills/practice">Show all questions</Link>.
      </p>
    );
  }
  return (
    <ol className="practice-list" data-testid="practice-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/drills/practice/${item.id}`} prefetch={false} className="practice-prompt">
            {item.prompt}
          </Link>
          <span className="practice-meta">
            <span className="tag">{item.kind}</span>
            <span className="tag">
              Difficulty {item.difficulty}: {DIFFICULTY_LABELS[item.difficulty]}
            </span>
            <span>{item.topics.map((topic) => topic.title).join(', ')}</span>
            {item.lastScore !== null && <span className="last-score">Last score {percent(item.lastScore)}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
