/**
 * The heading paths of a Markdown document, below its title: "H2 > H3 > H4".
 * Headings inside fenced code are ignored. The title itself is its own entry.
 */
export function referenceHeadingPaths(markdown: string): string[] {
  const paths: string[] = [];
  const stack: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const match = inFence ? null : /^(#{1,6}) (.+?)\s*$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length;
    stack.length = depth - 1;
    stack[depth - 1] = match[2]!;
    paths.push(depth === 1 ? match[2]! : stack.slice(1).filter(Boolean).join(' > '));
  }
  return paths;
}
