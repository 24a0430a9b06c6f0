import { parentPort, workerData } from 'node:worker_threads';
import { harnessScript } from './harness-script';
import type { FromWorker, JudgeJob, JudgeWorkerData, ToWorker } from './protocol';
import { QuickJsEngine, QuickJsJudge } from './quickjs-runner';
import { raceScript } from './race-script';

/*
 * The judge worker: a thin adapter between the pool's messages and QuickJsJudge. Loaded from
 * source through ./worker.cjs (sucrase's require hook), so it and everything it imports use
 * relative imports only. Any exception here means the worker may be damaged (a wasm trap leaves
 * QuickJS in an unknown state), so it reports and exits; the pool starts a fresh one.
 */

const WARM_UP: JudgeJob = {
  exerciseId: 'warm-up',
  code: 'export function pick(servers: string[], n: number): string { return servers[n % servers.length]!; }',
  visibleTests: `import { expect, test } from '@/lib/grading/test-api';
import { pick } from './solution';
test('cycles', () => { const seen: string[] = []; for (let i = 0; i < 3000; i++) seen.push(pick(['a', 'b', 'c'], i)); expect(seen.slice(0, 4)).toEqual(['a', 'b', 'c', 'a']); });`,
  hiddenTests: `import { expect, test } from '@/lib/grading/test-api';
import { pick } from './solution';
test('maps', () => { const m = new Map<string, number>(); for (let i = 0; i < 3000; i++) m.set(pick(['a', 'b'], i), i); expect(m.size).toBe(2); }, { checks: 'both servers are used' });`,
  limits: { timeMs: 5000, memoryBytes: 32 * 1024 * 1024 },
};


async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('worker-main.ts runs only as a worker thread');
  const send = (message: FromWorker) => port.postMessage(message);
  const judge = new QuickJsJudge(QuickJsEngine.create(), harnessScript(), raceScript);
  // The first runs execute unoptimised wasm and are several times slower; throwaway runs let V8 tier up.
  const warmUntil = performance.now() + ((workerData as JudgeWorkerData | undefined)?.warmUpMs ?? 400);
  do await judge.judge(WARM_UP);
  while (performance.now() < warmUntil);

  port.on('message', (message: ToWorker) => {
    if (message.type !== 'judge') return;
    judge.judge(message.job).then(
      (verdict) => send({ type: 'verdict', id: message.id, verdict }),
      (error: unknown) => {
        send({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  });
  send({ type: 'ready' });
}

void main().catch((error: unknown) => {
  console.error('judge worker failed to start:', error);
  process.exit(1);
});
