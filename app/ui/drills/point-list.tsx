import Link from 'next/link';
import type { AttemptFeedback, PointFeedback } from '@/lib/drills/view';
import { DisputeControl } from './dispute-control';

const WEIGHT_NAMES: Record<number, string> = { 3: 'core', 2: 'support', 1: 'detail' };

/** Where a learner may dispute missed points: the attempt, and what to do with the updated feedback. */
export interface Disputing {
  attemptId: string;
  onChanged: (feedback: AttemptFeedback) => void;
}

/** Rubric points an answer covered (each with the clause that covers it) and missed (each with where to learn it, and a way to dispute it). */
export function PointList({ points, headingLevel = 3, disputing }: { points: PointFeedback[]; headingLevel?: 2 | 3; disputing?: Disputing }) {
  const covered = points.filter((point) => point.covered);
  const missed = points.filter((point) => !point.covered);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="point-lists">
      <section aria-label="Points covered" data-testid="points-covered">
        <Heading className="point-heading">Covered ({covered.length})</Heading>
        {covered.length === 0 ? (
          <p className="muted">None yet. The points below are what an interviewer listens for.</p>
        ) : (
          <ul className="points">
            {covered.map((point) => (
              <li key={point.id} className="point" data-covered="true">
                <span className="point-mark" aria-hidden="true">✓</span>
                <div>
                  <strong>{point.label}</strong> <span className="weight">{WEIGHT_NAMES[point.weight]}</span>
                  {point.quote && <blockquote className="point-quote">“{point.quote}”</blockquote>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Points missed" data-testid="points-missed">
        <Heading className="point-heading">Missed ({missed.length})</Heading>
        {missed.length === 0 ? (
          <p className="muted">Nothing missed: every point of the rubric is in your answer.</p>
        ) : (
          <ul className="points">
            {missed.map((point) => (
              <li key={point.id} className="point" data-covered="false">
                <span className="point-mark" aria-hidden="true">✗</span>
                <div>
                  <strong>{point.label}</strong> <span className="weight">{WEIGHT_NAMES[point.weight]}</span>
                  <br />
                  <Link href={point.lesson.href} prefetch={false}>
                    Learn it: {point.lesson.title}
                  </Link>
                  {disputing && <DisputeControl attemptId={disputing.attemptId} point={point} onChanged={disputing.onChanged} />}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
