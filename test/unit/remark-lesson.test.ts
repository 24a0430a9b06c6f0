import { describe, expect, it } from 'vitest';
import { compileLessonBody } from '@/lib/content/compile-lesson';
import { parseFenceMeta } from '@/lib/content/remark-lesson';
import { referenceHeadingPaths } from '@/lib/content/reference-headings';
import { snippet } from '@/lib/content/search-index';
import { LAB_PRESETS } from '@/lib/lab/presets';
import { readingMinutes } from '@/lib/content/reading-time';

async function outlineOf(markdown: string) {
  return (await compileLessonBody(markdown, 'demo')).outline;
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

  it('cuts long snippets at a word boundary', () => {
    const text = snippet('word '.repeat(100), []).map((part) => part.text).join('');
    expect(text.length).toBeLessThanOrEqual(161);
    expect(text.endsWith('word…')).toBe(true);
  });

  it('shows the words around the first match, with every matched word marked', () => {
    const parts = snippet(`${'filler '.repeat(60)}Round robin ignores load; robin again. ${'tail '.repeat(60)}`, ['robin']);
    expect(parts[0]).toEqual({ text: '…', marked: false });
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['robin', 'robin']);
    expect(parts.at(-1)).toEqual({ text: '…', marked: false });
  });

  it('keeps table cells apart in a section’s text', async () => {
    const outline = await outlineOf('## Compare\n\n| Algorithm | Looks at load |\n| --- | --- |\n| Round robin | No |\n| Least connections | Yes |\n');
    expect(outline.sections[0]!.text).toContain('Round robin · No\nLeast connections · Yes');
    expect(outline.sections[0]!.text).not.toContain('Round robinNo');
  });

  it('never reports less than a minute of reading', () => {
    expect(readingMinutes('short')).toBe(1);
    expect(readingMinutes('word '.repeat(2200))).toBe(10);
  });
});

describe('lesson components compile to plain HTML', () => {
  const html = async (markdown: string) => (await compileLessonBody(markdown, 'demo')).html;

  it('renders a correction callout with its label', async () => {
    expect(await html('<Callout kind="correction">\n\nIt was **wrong**.\n\n</Callout>')).toBe(
      '<aside class="callout" data-kind="correction" aria-label="Correction"><p class="callout-label">Correction</p><p>It was <strong>wrong</strong>.</p></aside>',
    );
  });

  it('renders a diagram as a static figure with a slot for the live canvas', async () => {
    const out = await html('```mermaid title="Flow" description="A to B."\nflowchart LR\n  A --> B\n```');
    expect(out).toContain('<figure class="diagram" data-testid="diagram" data-diagram-id="demo-diagram-1" aria-labelledby="demo-diagram-1-title">');
    expect(out).toContain('<div class="diagram-root" data-diagram-root="demo-diagram-1">');
    expect(out).toContain('<p id="demo-diagram-1-description">A to B.</p>');
  });

  it('renders an embedded lab as a static figure that links to the full lab', async () => {
    const [preset] = LAB_PRESETS;
    const out = await html(`<Lab scenario="${preset!.id}" />`);
    expect(out).toContain(`<figure class="lab-embed" data-testid="lab-embed" data-lab="${preset!.id}"`);
    expect(out).toContain(`<div class="lab-embed-root" data-lab-root="${preset!.id}">`);
    expect(out).toContain(`href="/lab?scenario=${preset!.id}"`);
  });

  it('renders <Lab scenario="utilisation-sweep" /> as a figure the sweep island mounts into, linking to the sweep lab', async () => {
    const compiled = await compileLessonBody('<Lab scenario="utilisation-sweep" />', 'demo');
    expect(compiled.html).toContain('<figure class="lab-embed" data-testid="lab-embed" data-lab="utilisation-sweep"');
    expect(compiled.html).toContain('<div class="lab-embed-root" data-lab-root="utilisation-sweep">');
    expect(compiled.html).toContain('href="/lab/sweep"');
    expect(compiled.outline.labs).toEqual(['utilisation-sweep']);
  });

  it('wraps tables so they scroll sideways on a phone', async () => {
    expect(await html('| a | b |\n| - | - |\n| 1 | 2 |')).toMatch(/^<div class="table-scroll" tabindex="0" role="group"[^>]*><table>/);
  });

  it('lets a keyboard reach and scroll a code block, and names it with its language', async () => {
    expect(await html('```nginx\nupstream app { server a; }\n```')).toMatch(/^<pre tabindex="0" role="group" aria-label="Code \(nginx\), scrolls sideways on small screens"><code class="language-nginx">/);
    expect(await html('```\nplain\n```')).toMatch(/^<pre tabindex="0" role="group" aria-label="Code, scrolls sideways on small screens">/);
  });

  it.each([
    ['an unknown component', '<Simulator scenario="x" />', /<Simulator> is not a lesson component/],
    ['a lab with an unknown scenario', '<Lab scenario="no-such-scenario" />', /<Lab scenario="no-such-scenario">: no such named scenario/],
    ['a JavaScript expression', 'Weights { a, b } here.', /cannot run \{expressions\}/],
    ['an import', "import x from 'y'\n\nText.", /cannot import or export/],
    ['an unknown callout kind', '<Callout kind="shout">\n\nHi\n\n</Callout>', /kind must be one of/],
    ['an attribute expression', '<Callout kind={"note"}>\n\nHi\n\n</Callout>', /plain strings/],
  ])('fails the build on %s', async (_name, markdown, message) => {
    await expect(html(markdown)).rejects.toThrow(message);
  });
});
