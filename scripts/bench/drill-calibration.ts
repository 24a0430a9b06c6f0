/**
 * Prints how the drill scorer ranks the calibration corpus (means by kind, ordering accuracy, the
 * shares the CI gate checks) and how long scoring one answer takes. Figures, not a test: compare
 * them before and after a scorer or rubric change. Usage: npm run bench:drills [-- --list]
 */
import { calibrationFiles } from '@/content/drills/calibration';
import holdout from '@/content/drills/holdout/answers.json';
import { CALIBRATION_BARS, CALIBRATION_KINDS, calibrationFileSchema, measureCalibration } from '@/lib/drills/calibration';
import { MAX_ANSWER_CHARS } from '@/lib/drills/limits';
import { loadDrillBank } from '@/content/drills/bank';
import { scoreAnswer } from '@/lib/drills/score';

const bank = loadDrillBank();
const answers = Object.values(calibrationFiles).flatMap((raw) => calibrationFileSchema.parse(raw).answers);
const score = (text: string, questionId: string) => scoreAnswer(text, bank.questionsById.get(questionId)!);

const warm = performance.now();
const figures = measureCalibration(bank, answers, score);
const firstPassMs = performance.now() - warm;

const timings: number[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const answer of answers) {
    const started = performance.now();
    score(answer.text, answer.question);
    timings.push(performance.now() - started);
  }
}
timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

function printFigures(title: string, measured: typeof figures): void {
  console.log(title);
  for (const kind of CALIBRATION_KINDS) if (measured.countByKind[kind] > 0) console.log(`  mean ${kind.padEnd(9)} ${measured.meanByKind[kind].toFixed(3)}  (n=${measured.countByKind[kind]})`);
  console.log(`  ordering accuracy (correct > wrong, same question): ${pct(measured.orderingAccuracy)}  misordered pairs: ${measured.misordered.length}`);
  console.log(`  correct >= ${CALIBRATION_BARS.correctFloor}: ${pct(measured.correctAboveFloor)}  (bar ${pct(CALIBRATION_BARS.correctAboveFloor)})`);
  console.log(`  wrong   <= ${CALIBRATION_BARS.wrongCeiling}: ${pct(measured.wrongBelowCeiling)}  (bar ${pct(CALIBRATION_BARS.wrongBelowCeiling)})`);
  if (measured.countByKind['off-topic'] > 0) console.log(`  off-topic max: ${measured.offTopicMax.toFixed(3)}  (bar < ${CALIBRATION_BARS.offTopicCeiling})`);
}

printFigures(`drill calibration (the CI gate): ${answers.length} answers to ${bank.questions.length} questions`, figures);
// Written from the prompts after the rubrics were revised against the corpus above, and never used
// to revise them: how the scorer does on answers nobody tuned for.
const heldOut = calibrationFileSchema.parse(holdout).answers;
printFigures(`held-out answers (not gated, never used to tune): ${heldOut.length}`, measureCalibration(bank, heldOut, score));
// Per module, so a newly written module's rubrics are read against answers nobody tuned them for.
const modules = [...new Set(bank.moduleOf.values())];
for (const moduleId of modules) {
  const inModule = heldOut.filter((answer) => bank.moduleOf.get(answer.question) === moduleId);
  if (inModule.length === 0) continue;
  const measured = measureCalibration(bank, inModule, score);
  console.log(`  held-out, ${moduleId.padEnd(12)} n=${String(inModule.length).padStart(3)}  correct ${measured.meanByKind.correct.toFixed(3)}  wrong ${measured.meanByKind.wrong.toFixed(3)}  ordering ${pct(measured.orderingAccuracy)}  correct >= ${CALIBRATION_BARS.correctFloor}: ${pct(measured.correctAboveFloor)}  wrong <= ${CALIBRATION_BARS.wrongCeiling}: ${pct(measured.wrongBelowCeiling)}`);
}
const longest = answers.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const maxLength = longest.text.repeat(Math.ceil(MAX_ANSWER_CHARS / longest.text.length)).slice(0, MAX_ANSWER_CHARS);
const longTimings: number[] = [];
for (let round = 0; round < 20; round += 1) {
  const started = performance.now();
  score(maxLength, longest.question);
  longTimings.push(performance.now() - started);
}
longTimings.sort((a, b) => a - b);

console.log(`scoring time per answer: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${timings.at(-1)!.toFixed(2)} ms (first pass over the corpus, cold: ${firstPassMs.toFixed(0)} ms)`);
console.log(`a ${MAX_ANSWER_CHARS.toLocaleString('en-US')}-character answer (the longest accepted): median ${longTimings[10]!.toFixed(2)} ms, max ${longTimings.at(-1)!.toFixed(2)} ms`);

if (process.argv.includes('--list')) {
  for (const answer of figures.answers) console.log(`${answer.score.toFixed(2)}  ${answer.kind.padEnd(9)} ${(answer.style ?? '').padEnd(8)} ${answer.question}: ${answer.text.slice(0, 100).replace(/\n/g, ' ')}`);
}
