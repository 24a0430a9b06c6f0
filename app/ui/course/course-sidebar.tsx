'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import type { LessonSummary } from '@/lib/server/course-loader';
import { CompletionTick } from '../progress/completion-tick';

interface SidebarModule {
  id: string;
  title: string;
  lessons: Pick<LessonSummary, 'id' | 'slug' | 'title'>[];
}

/** The course outline beside every lesson; collapses behind a button on narrow screens. */
export function CourseSidebar({ modules }: { modules: SidebarModule[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <nav className="course-sidebar" aria-label="Course outline" data-open={open}>
      <button type="button" className="button small sidebar-toggle" aria-expanded={open} aria-controls="sidebar-modules" onClick={() => setOpen((value) => !value)}>
        {open ? 'Hide course outline' : 'Show course outline'}
      </button>
      <div className="sidebar-modules" id="sidebar-modules">
        {modules.map((courseModule) => (
          <section key={courseModule.id} aria-labelledby={`sidebar-${courseModule.id}`}>
            <h2 id={`sidebar-${courseModule.id}`}>{courseModule.title}</h2>
            <ol>
              {courseModule.lessons.map((lesson) => {
                const href = `/learn/${lesson.slug}`;
                return (
                  <li key={lesson.id}>
                    <Link href={href} aria-current={pathname === href ? 'page' : undefined} onClick={() => setOpen(false)}>
                      <CompletionTick lessonId={lesson.id} />
                      <span>{lesson.title}</span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </nav>
  );
}
