import Link from 'next/link';
import { CourseOutline } from './ui/course/course-outline';
import { ResumeLink } from './ui/course/resume-link';
import { ActivityCards } from './ui/home/activity-cards';
import { NextStep } from './ui/home/next-step';
import { loadDrillBank } from '@/content/drills/bank';
import { listExercises } from '@/server/exercises/judge';
import { getCourse } from '@/server/content/lessons';

export default async function HomePage() {
  const [course, exerciseList] = await Promise.all([getCourse(), listExercises()]);
  const exercises = exerciseList.length;
  const questions = loadDrillBank().questions.length;
  return (
    <main id="main" className="page">
      <section className="hero">
        <h1>Learn load balancing by running it</h1>
        <p>
          Traffic Cop teaches what system-design interviews ask about load balancers: how the algorithms really pick a server, what sticky sessions cost, Layer 4 versus Layer 7, health checks, and keeping the balancer itself alive. Read the lessons, run the algorithms in a simulator, write them yourself, and practise saying the answers in timed mock interviews.
        </p>
        <div className="hero-actions">
          <ResumeLink lessons={course.lessons.map(({ id, slug, title }) => ({ id, slug, title }))} />
          <Link href="/learn" className="button">
            See the whole course
          </Link>
        </div>
        <NextStep />
      </section>
      <ActivityCards lessons={course.lessons.length} modules={course.modules.length} exercises={exercises} questions={questions} />
      <h2>Course outline</h2>
      <CourseOutline modules={course.modules} />
    </main>
  );
}
