import Link from 'next/link';
import { ReviewsStat, StreakStat } from '@/app/ui/drills/overview-stats';
import { weakestTopics, type ReadinessView } from '@/lib/progress/readiness';
import { Stat, StatList } from '../stat';
import { percent } from '../drills/format';

/** The top of the readiness page: where to continue, the weakest topics, and the headline figures. */
export function ReadinessSummary({ readiness }: { readiness: ReadinessView }) {
  const { resume, totals, reviews } = readiness;
  const weakest = weakestTopics(readiness.modules.flatMap((courseModule) => courseModule.topics));
  const done = Math.round((100 * totals.lessonsDone) / totals.lessons);
  return (
    <>
      <section className="next-steps" aria-labelledby="next-heading">
        <h2 id="next-heading">What to do next</h2>
        <ul>
          <li data-testid="resume">
            {resume.kind === 'finished' ? (
              <>All {totals.lessons} lessons done. <Link href="/drills/mock">Try a mock interview</Link>.</>
            ) : (
              <>
                {resume.kind === 'start' ? 'Start with' : 'Continue where you left off:'} <Link href={`/learn/${resume.lesson.slug}`}>{resume.lesson.title}</Link>
              </>
            )}
          </li>
          {reviews.dueNow > 0 && (
            <li>
              <Link href="/drills/review">Review {reviews.dueNow} card{reviews.dueNow === 1 ? '' : 's'}</Link> due now.
            </li>
          )}
          {weakest.map((topic) => (
            <li key={topic.lesson.id} data-testid="weak-topic">
              Shore up <Link href={`/learn/${topic.lesson.slug}`}>{topic.lesson.title}</Link> ({percent(topic.readiness)} ready: {topic.parts.filter((part) => part.share < 1).map((part) => part.text).join(', ')}).
            </li>
          ))}
        </ul>
      </section>
      <StatList label="Your progress at a glance">
        <Stat
          testId="lessons-completed"
          value={`${totals.lessonsDone} / ${totals.lessons}`}
          label="lessons completed"
          detail={
            <span className="meter" role="img" aria-label={`${done}% of the course completed`}>
              <span style={{ width: `${done}%` }} />
            </span>
          }
        />
        <Stat testId="quiz-correct" value={`${totals.quizCorrect} / ${totals.quizTotal}`} label="quiz questions right" />
        <Stat
          testId="exercises-accepted"
          value={`${totals.exercisesAccepted} / ${totals.exercises}`}
          label="exercises accepted"
          detail={<Link href="/exercises">{totals.exercisesAttempted} attempted</Link>}
        />
        <Stat testId="drill-answers" value={totals.drillAnswers} label={`drill answer${totals.drillAnswers === 1 ? '' : 's'} scored`} detail={<Link href="/drills">{readiness.mocks.length} mock interview{readiness.mocks.length === 1 ? '' : 's'}</Link>} />
        <ReviewsStat reviews={reviews} />
        <StreakStat streak={readiness.streak} />
      </StatList>
    </>
  );
}
