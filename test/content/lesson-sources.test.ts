import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const LESSONS = path.join(ROOT, 'content', 'lessons');

// A learner cannot open this repository's files, nor the material beside it in shared/.
const repositoryFolders = [
  'shared',
  ...readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name),
];
const sharedReference = path.join(ROOT, '..', 'shared', 'reference');
const sharedFiles = existsSync(sharedReference)
  ? readdirSync(sharedReference)
      .filter((name) => name !== 'README.md') // too generic: public repositories have READMEs too
      .map((name) => name.replaceAll('.', String.raw`\.`))
  : [];
const repositoryPath = new RegExp(String.raw`(?<![\w/.:-])(?:${repositoryFolders.join('|')})/[\w.-]+` + sharedFiles.map((name) => String.raw`|\b${name}\b`).join(''));

// The course's source text is not something a learner has read, so lessons never point at it.
const sourceTextReferences = [
  /\bClaims? \((?:reference|source material)\)/i,
  /\bsource material\b/i,
  /\b(?:the|our) reference(?:'s)?\b(?!\s+(?:vectors|implementation|solution))/i,
  /\b(?:research|verified|reference|project's) notes\b/i,
];

const lessons = readdirSync(LESSONS)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => [file, readFileSync(path.join(LESSONS, file), 'utf8').split('\n')] as const);

function offendingLines(lines: readonly string[], patterns: readonly RegExp[]): string[] {
  return lines.flatMap((line, index) => (patterns.some((pattern) => pattern.test(line)) ? [`line ${index + 1}: ${line.slice(0, 120)}`] : []));
}

describe('what lessons cite', () => {
  it('finds the lessons', () => {
    expect(lessons.length).toBeGreaterThan(20);
  });

  it.each(lessons)('%s cites no file of this repository', (_file, lines) => {
    expect(offendingLines(lines, [repositoryPath])).toEqual([]);
  });

  it.each(lessons)('%s speaks to a learner who never saw the source text', (_file, lines) => {
    expect(offendingLines(lines, sourceTextReferences)).toEqual([]);
  });

  it('recognises both kinds of slip, so the checks above can fail', () => {
    expect(offendingLines(['[^n]: notes, `shared/reference/lb-algorithms.md` §3'], [repositoryPath])).toHaveLength(1);
    expect(offendingLines(['see `lib/sim/engine.ts`'], [repositoryPath])).toHaveLength(1);
    if (sharedFiles.length > 0) expect(offendingLines(['notes, `lb-algorithms.md` §9.1'], [repositoryPath])).toHaveLength(1);
    expect(offendingLines(['nginx source, `src/http/ngx_http_upstream.c`', 'https://github.com/nginx/nginx/blob/master/src/core'], [repositoryPath])).toEqual([]);
    expect(offendingLines(['**Claim (reference):** x', 'as our source material says'], sourceTextReferences)).toHaveLength(2);
    expect(offendingLines(['**A common claim:** x', 'Envoy API reference', 'the reference vectors of the port'], sourceTextReferences)).toEqual([]);
  });
});
