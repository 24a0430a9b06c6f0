// `npx tsx scripts/bench/sign-up-crowd.ts [--sign-ups 12] [--saves 20]`: how long a signed-in
// learner's saves take while a crowd signs up at the same moment, against the production build on
// a fresh SQLite file. Each sign-up hashes a password with scrypt on libuv's thread pool, the pool
// that also signs every session cookie. Prints the signed-in learner's save latencies with and
// without the crowd, and how long the crowd took.
import { parseArgs } from 'node:util';
import { RequestLog } from './learner-ledger';
import { LearnerBrowser } from './simulated-learner';
import { startSqliteSite } from './sqlite-site';

const PASSWORD = 'a long enough password';

function signUp(browser: LearnerBrowser, index: number, log: RequestLog) {
  return browser.send('sign-up', 'POST', '/api/auth/sign-up/email', { email: `crowd-${index}@example.test`, password: PASSWORD, name: `Crowd ${index}` }, log);
}

/** Saves one lesson's progress `count` times in a row, each write waiting for the last. */
async function timedSaves(browser: LearnerBrowser, log: RequestLog, label: string, count: number): Promise<void> {
  for (let save = 0; save < count; save++) {
    const answer = await browser.send(label, 'POST', '/api/progress/round-robin', { action: save % 2 ? 'reopen' : 'complete', requestId: `${label}-${save}-${Date.now()}` }, log);
    if (answer.status !== 200) throw new Error(`${label} save ${save}: ${answer.status}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'sign-ups': { type: 'string', default: '12' }, saves: { type: 'string', default: '20' } } });
  const signUps = Number(values['sign-ups']);
  const saves = Number(values.saves);
  const site = await startSqliteSite();
  const base = new URL(site.baseUrl);
  try {
    const log = new RequestLog();
    const learner = new LearnerBrowser(base, '127.1.0.1', log);
    if ((await signUp(learner, 0, log)).status !== 200) throw new Error('the measured learner could not sign up');
    await timedSaves(learner, log, 'quiet', saves);

    const crowdLog = new RequestLog();
    const crowd = Array.from({ length: signUps }, (_, index) => new LearnerBrowser(base, `127.1.1.${index + 1}`, crowdLog));
    const crowdStarted = performance.now();
    const crowdDone = Promise.all(crowd.map((browser, index) => signUp(browser, index + 1, crowdLog))).then((answers) => ({ answers, seconds: (performance.now() - crowdStarted) / 1000 }));
    await timedSaves(learner, log, 'crowded', saves);
    const { answers, seconds } = await crowdDone;

    const rows = new Map(log.summary().map((row) => [row.endpoint, row]));
    const show = (label: string) => {
      const row = rows.get(label)!;
      return `p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms, max ${row.max.toFixed(0)} ms`;
    };
    console.log(`signed-in saves, nobody signing up:     ${show('quiet')}`);
    console.log(`signed-in saves, ${signUps} sign-ups at once: ${show('crowded')}`);
    console.log(`the ${signUps} sign-ups: ${answers.filter((answer) => answer.status === 200).length} succeeded, all done in ${seconds.toFixed(1)} s`);
    for (const browser of [learner, ...crowd]) browser.close();
  } finally {
    await site.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
