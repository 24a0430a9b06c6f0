// `npx tsx scripts/bench/learners-load.ts` (npm run bench:load): simulated learners saving progress,
// drafts and drill answers over HTTP against the production build, then a count of every row
// against each learner's client-side ledger. Exits non-zero on any non-2xx answer or mismatch.
//
//   --setup sqlite     one `next start` on a fresh SQLite file
//   --setup postgres   two `next start` sharing one fresh PostgreSQL database and BETTER_AUTH_SECRET,
//                      behind nginx round robin (test/support/nginx.ts); needs BENCH_POSTGRES_URL or
//                      TEST_POSTGRES_URL naming a role that may create databases
//   (default: both, one after the other)   --learners 200  --seconds 120  --seed 1
//   --ramp-seconds 5     every learner starts within this long after the clock
//   --think-ms 1000-5000 a learner's pause before each action: a very busy learner. Shorter pauses
//                        measure capacity instead: with 50-500 one SQLite instance on this project's
//                        2-core machine runs at its CPU limit (about 60 writes/s), and latency runs
//                        into the 30 s client timeout.
//
// A third of the learners sign up first, two at a time, before the clock starts (SIGN_UPS_AT_ONCE).
//
// Needs a production build (`npx next build`). Each learner connects from its own loopback address
// (127.1.x.y) and says so in X-Forwarded-For, as 200 real browsers would: the per-address sign-up
// limit (5 a minute) then applies per learner, as intended, instead of to the whole crowd.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrateDatabase } from '../../test/support/migrated-database';
import { startNginx } from '../../test/support/nginx';
import { startSite } from '../../test/support/server';
import { compareLearner, emptyStoredLearner, LearnerLedger, RequestLog, seededRandom, type Mismatch, type MismatchKind, type StoredLearner } from './learner-ledger';
import { loadCatalog, SIGN_UP_SHARE, SimulatedLearner, type Run } from './simulated-learner';
import { freePort, startSqliteSite } from './sqlite-site';

type Setup = 'sqlite' | 'postgres';

// ---- deployments ---------------------------------------------------------------------------------

interface Deployment {
  description: string;
  /** Where the learners send their requests: the instance, or nginx in front of the instances. */
  baseUrl: string;
  /** Each `next start`, to warm up directly. */
  instances: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Next loads a route's module on its first request, so each instance answers each route once
 * before the clock starts. Reads and refused writes only: nothing is stored.
 */
async function warmUp(instances: string[]): Promise<void> {
  for (const base of instances) {
    const post = (pathname: string) => fetch(`${base}${pathname}`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: '{}' });
    await Promise.all([
      fetch(`${base}/api/auth/get-session`),
      fetch(`${base}/api/progress`),
      fetch(`${base}/api/exercises/round-robin/draft`),
      post('/api/progress/round-robin'),
      post('/api/drills/attempts'),
    ]);
  }
}

async function deploySqlite(): Promise<Deployment> {
  const site = await startSqliteSite();
  return { description: '1 × next start, SQLite', baseUrl: site.baseUrl, instances: [site.baseUrl], databaseUrl: site.databaseUrl, stop: site.stop };
}

async function deployPostgres(adminUrl: string): Promise<Deployment> {
  const name = `traffic_cop_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.href;
  const dropDatabase = async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  };
  const stops: (() => Promise<void>)[] = [dropDatabase];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: Error) => console.error(`cleanup: ${error.message}`));
  };
  try {
    migrateDatabase(databaseUrl); // creates the database too
    // startSite passes its environment on: both instances sign sessions with the same key.
    process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString('hex');
    const ports = [await freePort(), await freePort(), await freePort()];
    const sites = await Promise.all([startSite(ports[1]!, databaseUrl), startSite(ports[2]!, databaseUrl)]);
    for (const site of sites) stops.push(() => site.stop());
    for (const site of sites) if ((await fetch(`${site.baseUrl}/api/health`)).status !== 200) throw new Error(`${site.baseUrl}/api/health is not ready`);
    const nginx = await startNginx(ports[0]!, sites.map((site) => new URL(site.baseUrl).host));
    stops.push(() => nginx.stop());
    return { description: '2 × next start behind nginx round robin, PostgreSQL', baseUrl: nginx.baseUrl, instances: sites.map((site) => site.baseUrl), databaseUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// ---- counting rows ---------------------------------------------------------------------------------

type Row = Record<string, unknown>;

/** Runs parameterless SQL on either database; the same quoted table names work on both. */
async function queryAll(databaseUrl: string, statements: string[]): Promise<Row[][]> {
  if (databaseUrl.startsWith('file:')) {
    const db = new Database(databaseUrl.slice('file:'.length), { readonly: true });
    try {
      return statements.map((sql) => db.prepare(sql).all() as Row[]);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const results: Row[][] = [];
    for (const sql of statements) results.push((await client.query(sql)).rows as Row[]);
    return results;
  } finally {
    await client.end();
  }
}

interface Stored {
  learners: Map<string, StoredLearner>;
  learnerIdByEmail: Map<string, string>;
  counts: Record<'Learner' | 'User' | 'Session' | 'ProgressEvent' | 'DrillEvent' | 'DrillAttempt' | 'LessonProgress' | 'ExerciseDraft', number>;
}

async function readStored(databaseUrl: string): Promise<Stored> {
  const [learners, progress, drillEvents, attempts, lessons, drafts, users, sessions] = await queryAll(databaseUrl, [
    `SELECT l."id" AS id, u."email" AS email FROM "Learner" l LEFT JOIN "User" u ON u."id" = l."userId"`,
    `SELECT "learnerId" AS learner, "requestId" AS id FROM "ProgressEvent"`,
    `SELECT "learnerId" AS learner, "requestId" AS id, "kind" AS kind FROM "DrillEvent"`,
    `SELECT "learnerId" AS learner, "id" AS id FROM "DrillAttempt"`,
    `SELECT "learnerId" AS learner, "lessonId" AS lesson, "completedAt" IS NOT NULL AS completed FROM "LessonProgress"`,
    `SELECT "learnerId" AS learner, "exerciseId" AS exercise, "code" AS code FROM "ExerciseDraft"`,
    `SELECT "id" FROM "User"`,
    `SELECT "id" FROM "Session"`,
  ]);
  const byLearner = new Map<string, StoredLearner>();
  const of = (row: Row) => {
    const id = String(row.learner);
    if (!byLearner.has(id)) byLearner.set(id, emptyStoredLearner());
    return byLearner.get(id)!;
  };
  for (const row of progress!) of(row).progressRequests.push(String(row.id));
  for (const row of drillEvents!) if (row.kind === 'attempt') of(row).attemptEvents.push(String(row.id));
  for (const row of attempts!) of(row).attemptIds.push(String(row.id));
  for (const row of lessons!) of(row).lessons.set(String(row.lesson), row.completed === true || row.completed === 1);
  for (const row of drafts!) of(row).drafts.set(String(row.exercise), String(row.code));
  return {
    learners: byLearner,
    learnerIdByEmail: new Map(learners!.filter((row) => row.email).map((row) => [String(row.email), String(row.id)])),
    counts: {
      Learner: learners!.length,
      User: users!.length,
      Session: sessions!.length,
      ProgressEvent: progress!.length,
      DrillEvent: drillEvents!.length,
      DrillAttempt: attempts!.length,
      LessonProgress: lessons!.length,
      ExerciseDraft: drafts!.length,
    },
  };
}

/**
 * The accounts are made before the clock, a few at a time, so the timed part measures saving, not
 * scrypt: the server hashes two passwords at once (server/auth/password-hashing.ts) and queues the rest.
 */
const SIGN_UPS_AT_ONCE = 2;

/** Runs `work` over `items`, at most `width` at once, answering in order. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

const MISMATCH_ORDER: MismatchKind[] = ['lost', 'doubled', 'different', 'answer', 'unacknowledged'];

/** Every learner's ledger against the rows: per learner exactly, and per table by count. */
function checkLedgers(learners: SimulatedLearner[], stored: Stored) {
  const mismatches: (Mismatch & { learner: string })[] = [];
  let learnersMatching = 0;
  const expected: Record<keyof Stored['counts'], number> = { Learner: 0, User: 0, Session: 0, ProgressEvent: 0, DrillEvent: 0, DrillAttempt: 0, LessonProgress: 0, ExerciseDraft: 0 };
  for (const { ledger, cookie } of learners) {
    // A guest whose run ended before its first write was never created (reads create nothing).
    if (!ledger.email && !cookie && ledger.progressRequests.size + ledger.attempts.size + ledger.drafts.size === 0) {
      learnersMatching += 1;
      continue;
    }
    const id = ledger.email ? stored.learnerIdByEmail.get(ledger.email) : cookie;
    expected.Learner += 1;
    expected.User += ledger.email ? 1 : 0;
    expected.Session += ledger.email ? 1 : 0;
    expected.ProgressEvent += ledger.progressRequests.size;
    expected.DrillEvent += ledger.attempts.size;
    expected.DrillAttempt += ledger.attempts.size;
    expected.LessonProgress += ledger.lessons.size;
    expected.ExerciseDraft += ledger.drafts.size;
    const found = id ? compareLearner(ledger, stored.learners.get(id) ?? emptyStoredLearner()) : [{ kind: 'lost' as const, detail: 'no learner row' }];
    if (found.length === 0) learnersMatching += 1;
    mismatches.push(...found.map((mismatch) => ({ ...mismatch, learner: `learner ${ledger.index}${ledger.email ? ' (signed up)' : ''}` })));
  }
  const tables = Object.entries(expected).map(([table, count]) => ({ table, expected: count, found: stored.counts[table as keyof Stored['counts']] }));
  return { mismatches, learnersMatching, tables };
}

// ---- one run, printed ------------------------------------------------------------------------------

const grouped = (value: number) => value.toLocaleString('en-US');
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

interface Options {
  learners: number;
  seconds: number;
  rampSeconds: number;
  thinkMs: { min: number; max: number };
  seed: number;
  postgresUrl?: string;
}

interface Outcome {
  setup: Setup;
  description: string;
  options: Options;
  run: Run;
  learners: SimulatedLearner[];
  signUps: { log: RequestLog; seconds: number };
  elapsed: number;
  loadBefore: string;
  check: ReturnType<typeof checkLedgers>;
}

/** Prints one run's figures and answers whether it passed: every answer 2xx, every row as the ledgers say. */
function report({ setup, description, options, run, learners, signUps, elapsed, loadBefore, check }: Outcome): boolean {
  const { log } = run;
  const accounts = learners.filter((learner) => learner.ledger.email).length;
  const signUp = signUps.log.summary()[0];
  console.log(`\nsetup      ${setup}: ${description}`);
  console.log(`learners   ${options.learners} (${accounts} signed up first, ${options.learners - accounts} anonymous; starting within ${options.rampSeconds} s, ${options.thinkMs.min}–${options.thinkMs.max} ms between actions), seed ${options.seed}`);
  if (signUp) console.log(`sign-ups   ${signUp.n} before the clock, ${SIGN_UPS_AT_ONCE} at a time, in ${signUps.seconds.toFixed(1)} s: p50 ${signUp.p50.toFixed(0)} ms, max ${signUp.max.toFixed(0)} ms; ${[...signUps.log.statuses].map(([status, count]) => `${status}: ${count}`).join(', ')}`);
  console.log(`seconds    ${options.seconds} (ran ${elapsed.toFixed(1)} s; load average ${loadBefore} before, ${load()} after)`);
  console.log(`requests   ${grouped(log.total)} (${(log.total / elapsed).toFixed(1)} requests/s)`);
  console.log(`statuses   ${[...log.statuses].sort().map(([status, count]) => `${status}: ${grouped(count)}`).join(', ')}`);
  if (log.upstreams.size) console.log(`served by  ${[...log.upstreams].sort().map(([upstream, count]) => `${upstream}: ${grouped(count)}`).join(', ')}`);
  const { sequentialRetries, overlappingRetries, lateReplays, twoTabMoments } = run.counts;
  console.log(`retries    ${grouped(sequentialRetries)} sent again after the answer, ${grouped(overlappingRetries)} sent twice at once, ${grouped(lateReplays)} late replays; ${grouped(twoTabMoments)} two-tab moments; ${log.staleConnections} resent on a new connection after a stale keep-alive one`);
  console.log('latency    endpoint         n      p50 ms   p95 ms   p99 ms   max ms');
  for (const row of log.summary()) {
    console.log(`           ${row.endpoint.padEnd(13)}${grouped(row.n).padStart(8)}${[row.p50, row.p95, row.p99, row.max].map((ms) => ms.toFixed(1).padStart(9)).join('')}`);
  }
  console.log('ledger     table                 expected      found');
  for (const row of check.tables) console.log(`           ${row.table.padEnd(20)}${grouped(row.expected).padStart(10)}${grouped(row.found).padStart(11)}  ${row.expected === row.found ? 'ok' : 'MISMATCH'}`);
  console.log(`           ${check.learnersMatching} of ${options.learners} learners' rows match their ledger exactly`);
  const byKind = MISMATCH_ORDER.map((kind) => [kind, check.mismatches.filter((mismatch) => mismatch.kind === kind).length] as const).filter(([, count]) => count > 0);
  if (byKind.length) console.log(`           mismatches: ${byKind.map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  const worstFirst = [...check.mismatches].sort((a, b) => MISMATCH_ORDER.indexOf(a.kind) - MISMATCH_ORDER.indexOf(b.kind));
  for (const mismatch of worstFirst.slice(0, 20)) console.log(`           ${mismatch.learner}: ${mismatch.detail}`);
  if (worstFirst.length > 20) console.log(`           … and ${worstFirst.length - 20} more`);
  const tablesOff = check.tables.filter((row) => row.expected !== row.found).length;
  const failures = log.failures + signUps.log.failures;
  const passed = failures === 0 && check.mismatches.length === 0 && tablesOff === 0;
  console.log(`result     ${passed ? 'PASS' : 'FAIL'}: ${grouped(failures)} non-2xx answers, ${grouped(check.mismatches.length)} ledger mismatches, ${tablesOff} table counts off`);
  return passed;
}

/** Deploys, signs the account holders up, lets every learner write until the time is up, then counts. */
async function runSetup(setup: Setup, options: Options): Promise<boolean> {
  const loadBefore = load();
  const deployment = setup === 'sqlite' ? await deploySqlite() : await deployPostgres(options.postgresUrl!);
  stopOnInterrupt.add(deployment.stop);
  try {
    await warmUp(deployment.instances);
    const tag = randomBytes(3).toString('hex');
    const counts = { sequentialRetries: 0, overlappingRetries: 0, lateReplays: 0, twoTabMoments: 0 };
    const run: Run = { catalog: loadCatalog(), base: new URL(deployment.baseUrl), log: new RequestLog(), deadline: 0, rampUpMs: options.rampSeconds * 1000, thinkMs: options.thinkMs, seed: options.seed, tag, counts };
    const chooser = seededRandom(options.seed);
    const learners = Array.from({ length: options.learners }, (_, index) => new SimulatedLearner(run, new LearnerLedger(index, chooser() < SIGN_UP_SHARE ? `learner-${index}-${tag}@bench.example` : undefined)));

    const signUps = { log: new RequestLog(), seconds: 0 };
    const signUpStarted = Date.now();
    const signedUp = await inBatches(learners, SIGN_UPS_AT_ONCE, (learner) => learner.signUp(signUps.log));
    signUps.seconds = (Date.now() - signUpStarted) / 1000;

    const started = Date.now();
    run.deadline = started + options.seconds * 1000;
    await Promise.all(learners.filter((_, index) => signedUp[index]).map((learner) => learner.live()));
    const elapsed = (Date.now() - started) / 1000;
    const check = checkLedgers(learners, await readStored(deployment.databaseUrl));
    return report({ setup, description: deployment.description, options, run, learners, signUps, elapsed, loadBefore, check });
  } finally {
    stopOnInterrupt.delete(deployment.stop);
    await deployment.stop();
  }
}

/** What Ctrl-C must stop: the servers, nginx, and the PostgreSQL database made for the run. */
const stopOnInterrupt = new Set<() => Promise<void>>();
process.once('SIGINT', () => {
  void Promise.allSettled([...stopOnInterrupt].map((stop) => stop())).then(() => process.exit(130));
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      setup: { type: 'string' },
      learners: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '120' },
      'ramp-seconds': { type: 'string', default: '5' },
      'think-ms': { type: 'string', default: '1000-5000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const setups: Setup[] = values.setup === undefined ? ['sqlite', 'postgres'] : [values.setup as Setup];
  if (!setups.every((setup) => setup === 'sqlite' || setup === 'postgres')) throw new Error('--setup is sqlite or postgres (default: both)');
  if (!existsSync(path.join('.next', 'BUILD_ID'))) {
    console.error('No production build here: run `npx next build` first (in the repository root).');
    process.exit(2);
  }
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (setups.includes('postgres') && !postgresUrl) {
    console.error('--setup postgres needs BENCH_POSTGRES_URL or TEST_POSTGRES_URL, e.g. postgres://traffic_cop:traffic_cop@127.0.0.1:5432/postgres (README, "PostgreSQL").');
    process.exit(2);
  }
  const [thinkMin, thinkMax] = values['think-ms'].split('-').map(Number);
  if (!(thinkMin! >= 0 && thinkMax! >= thinkMin!)) throw new Error('--think-ms is a range of milliseconds, such as 1000-5000');
  const options: Options = {
    learners: Number(values.learners),
    seconds: Number(values.seconds),
    rampSeconds: Number(values['ramp-seconds']),
    thinkMs: { min: thinkMin!, max: thinkMax! },
    seed: Number(values.seed),
    postgresUrl,
  };
  let passed = true;
  for (const setup of setups) passed = (await runSetup(setup, options)) && passed;
  process.exit(passed ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
