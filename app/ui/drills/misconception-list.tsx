import Link from 'next/link';
import type { MisconceptionFeedback } from '@/lib/drills/view';

/** Wrong beliefs the answer stated, first and in plain words: what was said, what is true, where to learn it. */
export function MisconceptionList({ misconceptions }: { misconceptions: MisconceptionFeedback[] }) {
  if (misconceptions.length === 0) return null;
  return (
    <section className="misconceptions" aria-labelledby="misconceptions-heading" data-testid="misconceptions">
      <h3 id="misconceptions-heading">Check this first ({misconceptions.length})</h3>
      <ul className="points">
        {misconceptions.map((misconception) => (
          <li key={misconception.id} className="point misconception" data-misconception={misconception.id}>
            <span className="point-mark" aria-hidden="true">!</span>
            <div>
              <p className="misconception-says">
                <strong>You said {misconception.says}.</strong> {misconception.correction}
              </p>
              <blockquote className="point-quote">“{misconception.quote}”</blockquote>
              <Link href={misconception.lesson.href} prefetch={false}>
                Learn it: {misconception.lesson.title}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
