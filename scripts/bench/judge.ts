// `npx tsx scripts/bench/judge.ts`: how fast the server judge turns submissions into verdicts.
// Every exercise's reference solution and decoy, round-robin, through the real worker pool:
// first one at a time (latency per submission), then all at once (sustained throughput), while
// the main thread's event-loop delay is sampled to show that judging does not block it.
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadExerciseCatalog } from '@/server/exercises/judge/exercise-files';
import { createJudge, defaultPoolSize } from '@/server/exercises/judge/judge';

const SUBMISSIONS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const catalog = await loadExerciseCatalog();
  const work = Array.from({ length: SUBMISSIONS }, (_, i) => {
    const exercise = catalog.exercises[i % catalog.exercises.length]!;
    return { exercise, code: i % 2 === 0 ? exercise.sources.solution : exercise.sources.decoy! };
  });

  const judge = createJudge();
  const startup = performance.now();
  await judge.pool.whenReady();
  console.log(`${defaultPoolSize()} judge workers on ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown CPU'}), ready in ${ms(performance.now() - startup)}`);

  // Warm the caches the first submission to each exercise fills (transpiled tests, registered names).
  await Promise.all(catalog.exercises.map((exercise) => judge.judgeExercise(exercise, exercise.sources.solution)));

  const latencies: number[] = [];
  for (const { exercise, code } of work) {
    const started = performance.now();
    const verdict = await judge.judgeExercise(exercise, code);
    latencies.push(performance.now() - started);
    if (verdict.status !== 'accepted' && verdict.status !== 'rejected') throw new Error(`${exercise.meta.id}: unexpected ${verdict.status}`);
  }
  latencies.sort((a, b) => a - b);
  console.log(`one at a time, ${SUBMISSIONS} submissions: median ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}, max ${ms(latencies.at(-1)!)}`);

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const verdicts = await Promise.all(work.map(({ exercise, code }) => judge.judgeExercise(exercise, code)));
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  const accepted = verdicts.filter((verdict) => verdict.status === 'accepted').length;
  console.log(`all at once, ${SUBMISSIONS} submissions: ${(SUBMISSIONS / seconds).toFixed(1)} per second (${ms(seconds * 1000)} in all; ${accepted} accepted, ${SUBMISSIONS - accepted} rejected)`);
  console.log(`main-thread event-loop delay meanwhile: p50 ${ms(loop.percentile(50) / 1e6)}, p99 ${ms(loop.percentile(99) / 1e6)}, max ${ms(loop.max / 1e6)}`);
  await judge.close();
}

void main();
