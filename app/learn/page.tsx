import type { Metadata } from 'next';
import { CourseOutline } from '../ui/course/course-outline';
import { CourseSidebar } from '../ui/course/course-sidebar';
import { getCourse } from '@/server/content/lessons';

export const metadata: Metadata = { title: 'Course outline' };

export default async function OutlinePage() {
  const course = await getCourse();
  const minutes = course.lessons.reduce((sum, lesson) => sum + lesson.readingMinutes, 0);
  return (
    <>
      <CourseSidebar modules={course.modules} />
      <main id="main" className="page">
      <h1>The course</h1>
      <p className="muted">
        {course.modules.length} modules, {course.lessons.length} lessons, about {Math.round(minutes / 60)} hours of reading. Each lesson ends with what to say in an interview and a short quiz.
      </p>
        <CourseOutline modules={course.modules} />
      </main>
    </>
  );
}
