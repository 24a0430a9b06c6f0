import type { ReactNode } from 'react';
import { CourseSidebar } from '../ui/course/course-sidebar';
import { getCourse } from '@/lib/server/lessons';

export default async function LearnLayout({ children }: { children: ReactNode }) {
  const { modules } = await getCourse();
  const sidebarModules = modules.map(({ id, title, lessons }) => ({ id, title, lessons: lessons.map(({ id: lessonId, slug, title: lessonTitle }) => ({ id: lessonId, slug, title: lessonTitle })) }));
  return (
    <div className="learn-shell">
      <CourseSidebar modules={sidebarModules} />
      <main id="main">{children}</main>
    </div>
  );
}
