import Link from 'next/link';
import type { Streak } from '@/lib/drills/streak';
import type { DrillOverview, ReviewQueueView } from '@/lib/drills/view';
import { Stat, StatList } from '../stat';

/** The four numbers at the top of the overview, each a way in. */
export function OverviewStats({ overview }: { overview: DrillOverview }) {
  const { streak, reviews } = overview;
  return (
    <StatList label="Your drills at a glance">
      <StreakStat streak={streak} />
      <ReviewsStat reviews={reviews} />
      <Stat value={overview.answers} label={`answer${overview.answers === 1 ? '' : 's'} scored`} detail={<Link href="/drills/practice?order=weakest">Practise your weakest spot</Link>} />
      <Stat
        value={overview.history.length}
        label={`mock interview${overview.history.length === 1 ? '' : 's'}`}
        detail={<Link href="/drills/mock">{overview.activeMock ? 'Continue the one in progress' : 'Start one'}</Link>}
      />
    </StatList>
  );
}

/** Days in a row with practice, and what keeps the streak. */
export function StreakStat({ streak }: { streak: Streak }) {
  return (
    <Stat
      testId="stat-streak"
      value={streak.current}
      label={`day${streak.current === 1 ? '' : 's'} streak`}
      detail={
        <>
          {streak.practisedToday ? 'Practised today.' : streak.current > 0 ? 'Practise today to keep it.' : 'Practise today to start one.'}
          {streak.longest > streak.current && ` Longest: ${streak.longest}.`}
        </>
      }
    />
  );
}

/** Reviews due today, with the way to them. */
export function ReviewsStat({ reviews }: { reviews: ReviewQueueView }) {
  const dueToday = reviews.dueNow + reviews.laterToday;
  return (
    <Stat
      testId="stat-reviews"
      value={dueToday}
      label={`review${dueToday === 1 ? '' : 's'} due today`}
      detail={dueToday > 0 ? <Link href="/drills/review">Review now</Link> : `${reviews.totalCards} card${reviews.totalCards === 1 ? '' : 's'} in your deck.`}
    />
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
