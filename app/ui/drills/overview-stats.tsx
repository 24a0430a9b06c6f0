import Link from 'next/link';
import type { DrillOverview } from '@/lib/drills/view';

/** The four numbers at the top of the overview, each a way in. */
export function OverviewStats({ overview }: { overview: DrillOverview }) {
  const { streak, reviews } = overview;
  const dueToday = reviews.dueNow + reviews.laterToday;
  return (
    <ul className="drill-stats">
      <li className="stat" data-testid="stat-streak">
        <strong>{streak.current}</strong> day{streak.current === 1 ? '' : 's'} streak
        <span className="muted">
          {streak.practisedToday ? 'Practised today.' : streak.current > 0 ? 'Practise today to keep it.' : 'Practise today to start one.'}
          {streak.longest > streak.current && ` Longest: ${streak.longest}.`}
        </span>
      </li>
      <li className="stat" data-testid="stat-reviews">
        <strong>{dueToday}</strong> review{dueToday === 1 ? '' : 's'} due today
        <span className="muted">{dueToday > 0 ? <Link href="/drills/review">Review now</Link> : `${reviews.totalCards} card${reviews.totalCards === 1 ? '' : 's'} in your deck.`}</span>
      </li>
      <li className="stat">
        <strong>{overview.answers}</strong> answer{overview.answers === 1 ? '' : 's'} scored
        <span className="muted">
          <Link href="/drills/practice?order=weakest">Practise your weakest spot</Link>
        </span>
      </li>
      <li className="stat">
        <strong>{overview.history.length}</strong> mock interview{overview.history.length === 1 ? '' : 's'}
        <span className="muted">
          <Link href="/drills/mock">{overview.activeMock ? 'Continue the one in progress' : 'Start one'}</Link>
        </span>
      </li>
    </ul>
  );
}

/** The three things a learner can do here, with what each is for. */
export function EntryPoints() {
  return (
    <ul className="drill-entries">
      <li>
        <h2>
          <Link href="/drills/practice">Practice</Link>
        </h2>
        <p>One question at a time, by topic, difficulty or weakest spot. Write your answer, optionally in its template, and see which points you covered and which you missed.</p>
      </li>
      <li>
        <h2>
          <Link href="/drills/mock">Mock interview</Link>
        </h2>
        <p>Several questions against the clock: clarify, answer, deep dive on follow-ups, trade-offs. A scored summary at the end.</p>
      </li>
      <li>
        <h2>
          <Link href="/drills/review">Review</Link>
        </h2>
        <p>Flashcards for the points you missed, spaced so each comes back just before you would forget it.</p>
      </li>
    </ul>
  );
}
