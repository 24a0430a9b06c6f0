import { run } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import { mdxComponents } from './mdx-components';

/** Runs a lesson's compiled MDX with the closed component registry (at build time: lesson pages are static). */
export async function LessonBody({ code }: { code: string }) {
  const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url });
  return <Content components={mdxComponents} />;
}
