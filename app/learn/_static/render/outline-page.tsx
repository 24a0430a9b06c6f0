import { CourseOutline } from '@/app/ui/course/course-outline';
import { CourseSidebar } from '@/app/ui/course/course-sidebar';
import type { OutlinePageData } from '../page-data';
import { StaticDocument } from './static-document';

/** /learn: every module and lesson with reading time and completion ticks. */
export function OutlinePage({ assets, modules, lessonCount, minutes }: OutlinePageData) {
  return (
    <StaticDocument
      title="Course outline"
      description="Every module and lesson of the Traffic Cop course on load balancing, with reading times."
      assets={assets}
      prefetch={modules[0]?.lessons[0] && `/learn/${modules[0].lessons[0].slug}`}
    >
      <CourseSidebar modules={modules} />
      <main id="main" className="page">
        <h1>The course</h1>
        <p className="muted">
          {modules.length} modules, {lessonCount} lessons, about {Math.round(minutes / 60)} hours of reading. Each lesson ends with what to say in an interview and a short quiz.
        </p>
        <CourseOutline modules={modules} />
      </main>
    </StaticDocument>
  );
}
