import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { parseFenceMeta, remarkLesson } from '@/lib/content/remark-lesson';
import { referenceHeadingPaths } from '@/lib/content/reference-headings';
import { excerptOf } from '@/lib/content/search-index';
import { readingMinutes } from '@/lib/content/reading-time';

async function outlineOf(markdown: string) {
  const file = await compile(markdown, { remarkPlugins: [remarkGfm, [remarkLesson, { lessonId: 'demo' }]] });
  return file.data.lesson!;
}

describe('the lesson remark plugin', () => {
  it('reads quoted attributes from a fence line', () => {
    expect(parseFenceMeta('title="Two words" description="A, B: c"')).toEqual({ title: 'Two words', description: 'A, B: c' });
    expect(parseFenceMeta(undefined)).toEqual({});
  });

  it('turns a mermaid fence into a numbered Diagram with its source', async () => {
    const outline = await outlineOf('## One\n\n```mermaid title="T" description="D"\nflowchart LR\n  A --> B\n```\n');
    expect(outline.diagrams).toEqual([{ id: 'demo-diagram-1', title: 'T', description: 'D', source: 'flowchart LR\n  A --> B' }]);
    expect(outline.components).toEqual(['Diagram']);
  });

  it('fails the build when a diagram has no title or description', async () => {
    await expect(outlineOf('```mermaid title="T"\nflowchart LR\n  A --> B\n```\n')).rejects.toThrow(/title=.*description=/);
  });

  it('gives headings GitHub-style slugs, de-duplicated, and splits text by section', async () => {
    const outline = await outlineOf("## Why it's slow\n\nFirst.\n\n### Why it's slow\n\nSecond.\n\n## Next `code` step\n\nThird [link](/learn/x#y).\n");
    expect(outline.headings.map((heading) => heading.slug)).toEqual(['why-its-slow', 'why-its-slow-1', 'next-code-step']);
    expect(outline.sections.map((section) => section.heading)).toEqual(["Why it's slow", 'Next code step']);
    expect(outline.links).toEqual(['/learn/x#y']);
  });
});

describe('small content helpers', () => {
  it('builds heading paths below the title, ignoring headings inside code fences', () => {
    expect(referenceHeadingPaths('# Title\n## A\n### B\n```\n## not a heading\n```\n#### C\n## D\n')).toEqual(['Title', 'A', 'A > B', 'A > B > C', 'D']);
  });

  it('cuts long excerpts at a word boundary', () => {
    const excerpt = excerptOf('word '.repeat(100));
    expect(excerpt.length).toBeLessThanOrEqual(161);
    expect(excerpt.endsWith('word…')).toBe(true);
  });

  it('never reports less than a minute of reading', () => {
    expect(readingMinutes('short')).toBe(1);
    expect(readingMinutes('word '.repeat(2200))).toBe(10);
  });
});
