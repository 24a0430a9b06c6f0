import Link from 'next/link';
import type { MockHistoryItem } from '@/lib/drills/view';
import { percent } from './format';
import { LocalTime } from './local-time';

/** Finished mock interviews, newest first, each linking to its summary. */
export function MockHistoryList({ items, heading = 'Mock interview history' }: { items: MockHistoryItem[]; heading?: string }) {
  return (
    <section aria-labelledby="mock-history-heading">
      <h2 id="mock-history-heading">{heading}</h2>
      {items.length === 0 ? (
        <p className="muted">No mock interviews finished yet.</p>
      ) : (
        <ol className="mock-history" data-testid="mock-history">
          {items.map((item) => (
            <li key={item.id}>
              <Link href={`/drills/mock/${item.id}`} prefetch={false}>
                <LocalTime iso={item.endedAt} />
              </Link>
              <span>
                {item.questionCount} question{item.questionCount === 1 ? '' : 's'}
              </span>
              <strong>{percent(item.score)}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
