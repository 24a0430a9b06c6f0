import GithubSlugger from 'github-slugger';

/** The sections every lesson page has besides its own headings (see FIXED_LESSON_ANCHORS). */
const FIXED_SECTIONS: readonly (readonly [string, string])[] = [
  ['objectives', 'By the end you will be able to'],
  ['interview-angle', 'In the interview'],
  ['quiz', 'Quiz'],
];

/**
 * A lesson body's section headings (## and ###) by the anchor the compiled page gives them, read
 * from the MDX source without compiling it, with the sections every lesson page adds. Headings
 * inside fenced code are not headings.
 */
export function sectionTitles(markdown: string): Map<string, string> {
  const slugger = new GithubSlugger();
  const titles = new Map<string, string>(FIXED_SECTIONS);
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const text = plainHeading(match[2]!);
    const slug = slugger.slug(text);
    if (match[1]!.length === 2 || match[1]!.length === 3) titles.set(slug, text);
  }
  return titles;
}

/** A heading's text as mdast-util-to-string reads it: no emphasis, code ticks or link targets. */
function plainHeading(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|\*)(.+?)\1/g, '$2')
    // Underscores inside a word (proxy_next_upstream) are not emphasis in CommonMark.
    .replace(/(?<!\w)(__|_)(?!\s)(.+?)(?<!\s)\1(?!\w)/g, '$2')
    .trim();
}
