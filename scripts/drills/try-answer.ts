/**
 * Scores an answer against a drill question's rubric and prints the breakdown, for rubric authors.
 * Usage: npm run drill:try -- <question-id> "answer text"   (or pipe the answer on stdin)
 */
import { readFileSync } from 'node:fs';
import { loadDrillBank } from '@/content/drills/bank';
import { scoreAnswer } from '@/lib/drills/score';

const [questionId, ...words] = process.argv.slice(2);
const question = questionId ? loadDrillBank().questionsById.get(questionId) : undefined;
if (!question) {
  console.error(questionId ? `No drill question "${questionId}".` : 'Usage: npm run drill:try -- <question-id> "answer text"');
  process.exit(2);
}
const answer = words.length > 0 ? words.join(' ') : readFileSync(0, 'utf8');
const started = performance.now();
const result = scoreAnswer(answer, question);
const ms = performance.now() - started;

console.log(`score ${result.score.toFixed(2)} (raw ${result.rawScore.toFixed(2)}, ${result.earned}/${result.possible})${result.cap ? `, capped: ${result.cap.reason}` : ''}  [${ms.toFixed(1)} ms]`);
for (const misconception of result.misconceptions) console.log(`  ✗ misconception ${misconception.id} (${misconception.pointId}): "${misconception.quote.text}"`);
for (const point of result.points) console.log(`  ${point.covered ? '✓' : '·'} ${point.id} [${point.weight}]${point.quote ? `: "${point.quote.text}"` : ''}`);
