import Link from 'next/link';
import { CourseOutline } from './ui/course/course-outline';
import { ResumeLink } from './ui/course/resume-link';
import { getCourse } from '@/server/content/lessons';

export default async function HomePage() {
  const course = await getCourse();
  return (
    <main id="main" className="page">
      <section className="hero">
        <h1>Learn load balancing by running it</h1>
        <p>
          Traffic Cop teaches what system-design interviews ask about load balancers: how the algorithms really pick a server, what sticky sessions cost, Layer 4 versus Layer 7, health checks, and keeping the balancer itself alive. Every lesson has live diagrams you can edit, the answer an interviewer wants to hear, and a quiz.
        </p>
        <div className="hero-actions">
          <ResumeLink lessons={course.lessons.map(({ id, slug, title }) => ({ id, slug, title }))} />
          <Link href="/learn" className="button">
            See the whole course
          </Link>
        </div>
      </section>
      <ul className="pillars">
        <li>
          <h2>Study</h2>
          <p>{course.lessons.length} lessons in {course.modules.length} modules, with figures checked against nginx, HAProxy, Envoy and AWS documentation.</p>
        </li>
        <li>
          <h2>See it</h2>
          <p>Live Mermaid diagrams that follow your theme, zoom on a phone, and redraw as you edit their source.</p>
        </li>
        <li>
          <h2>Check yourself</h2>
          <p>A quiz at the end of every lesson, with an explanation for each answer, and progress saved without an account.</p>
        </li>
      </ul>
      <h2>Course outline</h2>
      <CourseOutline modules={course.modules} />
    </main>
  );
}
