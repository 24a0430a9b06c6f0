import Link from 'next/link';

interface Activity {
  href: string;
  title: string;
  what: string;
  action: string;
}

/** The things a learner does here, each with what it is and the way in. */
export function ActivityCards({ lessons, modules, exercises, questions }: { lessons: number; modules: number; exercises: number; questions: number }) {
  const activities: Activity[] = [
    { href: '/learn', title: 'Study', what: `${lessons} lessons in ${modules} modules, with live diagrams you can edit, the interview angle and a quiz at the end of each.`, action: 'Open the course' },
    { href: '/lab', title: 'Lab', what: 'A seeded simulator: pick an algorithm, servers and traffic, kill a server mid-run, and compare two algorithms on identical requests.', action: 'Run a simulation' },
    { href: '/exercises', title: 'Exercises', what: `${exercises} algorithms to write in TypeScript, run against visible tests in your browser and judged on the server with hidden ones.`, action: 'Solve an exercise' },
    { href: '/drills/mock', title: 'Mock interviews', what: `Timed interviews drawn from ${questions} questions: clarify, answer, follow-ups, trade-offs, each scored against a rubric.`, action: 'Start a mock interview' },
    { href: '/drills/review', title: 'Review', what: 'Flashcards for the points you missed, spaced so each comes back just before you would forget it.', action: 'Review your cards' },
  ];
  return (
    <ul className="activity-cards">
      {activities.map((activity) => (
        <li key={activity.href} data-testid={`activity-${activity.href}`}>
          <h2>{activity.title}</h2>
          <p>{activity.what}</p>
          <Link href={activity.href} className="button small" prefetch={false}>
            {activity.action}
          </Link>
        </li>
      ))}
    </ul>
  );
}
