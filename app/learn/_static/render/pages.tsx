import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { setServerPathname } from '../../_islands/shims/next-navigation';
import type { LessonPageData, OutlinePageData } from '../page-data';
import { LessonPage } from './lesson-page';
import { OutlinePage } from './outline-page';

/*
 * The entry of the prerender bundle (prerender-bundle.ts): the site's own components rendered to
 * plain HTML, with next/link, next/navigation and next-themes swapped for the static pages' shims.
 */

function page(pathname: string, element: ReactElement): string {
  setServerPathname(pathname);
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

export function renderLessonPage(data: LessonPageData): string {
  return page(`/learn/${data.lesson.slug}`, <LessonPage {...data} />);
}

export function renderOutlinePage(data: OutlinePageData): string {
  return page('/learn', <OutlinePage {...data} />);
}
