import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JudgePool } from '@/server/exercises/judge/pool';
import type { JudgeJob } from '@/server/exercises/judge/protocol';
import { ADD, CORRECT, fixtureJudge } from './fixture';

const worker = (name: string) => path.join(__dirname, 'workers', `${name}.mjs`);
const job: JudgeJob = { exerciseId: 'add', code: '', visibleTests: '', hiddenTests: '', limits: { timeMs: 200, memoryBytes: 16 * 1024 * 1024 } };
const pools: JudgePool[] = [];
const pool = (options: ConstructorParameters<typeof JudgePool>[0]) => {
  const created = new JudgePool(options);
  pools.push(created);
  return created;
};

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('the judge pool', () => {
  it('terminates a worker that overruns its job, answers time limit and starts a replacement', async () => {
    const hung = pool({ size: 1, graceMs: 100, workerFile: worker('hang') });
    await hung.whenReady();
    const started = performance.now();
    const verdict = await hung.run(job);
    expect(verdict.status).toBe('time-limit');
    expect(verdict.summary).toContain('the judge had to stop its worker');
    expect(performance.now() - started).toBeLessThan(1500);
    await hung.whenReady();
    expect(hung.stats()).toMatchObject({ workers: 1, ready: 1, running: 0 });
  });

  it('answers internal error when a worker crashes, and keeps answering', async () => {
    const crashing = pool({ size: 1, workerFile: worker('crash') });
    await crashing.whenReady();
    expect((await crashing.run(job)).status).toBe('internal-error');
    expect((await crashing.run(job)).status).toBe('internal-error');
  });

  it('answers waiting submissions when its workers cannot start, instead of leaving them hanging', async () => {
    const broken = pool({ size: 1, workerFile: worker('broken') });
    const verdict = await broken.run(job);
    expect(verdict.status).toBe('internal-error');
    expect(verdict.summary).toBe('The judge cannot start its workers.');
  });

  it('refuses work past its queue limit rather than queueing without bound', async () => {
    const busy = pool({ size: 1, graceMs: 5000, maxQueue: 1, workerFile: worker('hang') });
    await busy.whenReady();
    void busy.run(job);
    void busy.run(job);
    const refused = await busy.run(job);
    expect(refused.status).toBe('unavailable');
    expect(refused.retryAfterMs).toBeGreaterThan(0);
  });

  it('answers every waiting submission when it shuts down', async () => {
    const closing = pool({ size: 1, graceMs: 5000, workerFile: worker('hang') });
    await closing.whenReady();
    const running = closing.run(job);
    const waiting = closing.run(job);
    await closing.close();
    expect([(await running).status, (await waiting).status]).toEqual(['unavailable', 'unavailable']);
  });
});

describe('the judge pool with owners', () => {
  const HANG = 'export function add(): number {\n  while (true) {}\n}';
  const abuser = [{ key: 'address:abuser', maxJobs: 3 }];

  it('refuses an owner past its jobs, and never gives one owner every worker', async () => {
    const judge = fixtureJudge(2);
    await judge.pool.whenReady();
    try {
      const hogging = [1, 2, 3].map(() => judge.judgeExercise(ADD, HANG, abuser));
      expect((await judge.judgeExercise(ADD, HANG, abuser)).status).toBe('rate-limited');
      const started = performance.now();
      const honest = await judge.judgeExercise(ADD, CORRECT, [{ key: 'address:honest', maxJobs: 3 }]);
      expect(honest.status).toBe('accepted');
      // One worker stays free for others: the honest job does not wait behind the hung ones.
      expect(performance.now() - started).toBeLessThan(400);
      expect((await Promise.all(hogging)).map((verdict) => verdict.status)).toEqual(['time-limit', 'time-limit', 'time-limit']);
    } finally {
      await judge.close();
    }
  }, 30_000);
});
