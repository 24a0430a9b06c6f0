// `npx tsx --conditions=react-server scripts/bench/multi-tab-writes.mts`: learners with several tabs
// open firing bursts of concurrent writes at once (quiz answers, lesson progress, drill answers,
// drafts, judged submissions, guest merges, exact retries of each), through the route handlers
// in-process, on a fresh SQLite file and a fresh PostgreSQL database (TEST_POSTGRES_URL or
// BENCH_POSTGRES_URL). Then every learner's rows are compared with the ledger of what its tabs were
// told: lost (acknowledged, not stored), duplicated (stored more than once) and 5xx answers.
// The baseline in the same run is the same workload sent one request at a time.
//
//   --learners 24  --bursts 4  --tabs 3  --seed 7  --provider sqlite|postgresql (default: both)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase, newSqliteUrl } from '../../test/support/migrated-database';
import { BrowserClient, type Routes } from '../../test/support/browser-client';
import { pick, seededRandom } from './learner-ledger';

const { values: options } = parseArgs({
  options: {
    learners: { type: 'string', default: '24' },
    bursts: { type: 'string', default: '4' },
    tabs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '7' },
    provider: { type: 'string' },
    mode: { type: 'string', default: 'concurrent' },
  },
});

type Provider = 'sqlite' | 'postgresql';
type Mode = 'sequential' | 'concurrent';
interface Outcome {
  provider: Provider;
  mode: Mode;
  writes: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
  serverErrors: number;
  refused: number;
  merges: number;
  seconds: number;
  examples: string[];
}

// ---- parent: one child process per database and mode (each child has its own DATABASE_URL) ----

if (!options.provider) {
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  const providers: Provider[] = postgresUrl ? ['sqlite', 'postgresql'] : ['sqlite'];
  if (!postgresUrl) console.log('No TEST_POSTGRES_URL / BENCH_POSTGRES_URL: SQLite only.');
  const outcomes: Outcome[] = [];
  for (const provider of providers) {
    for (const mode of ['sequential', 'concurrent'] as const) {
      const args = ['tsx', '--conditions=react-server', 'scripts/bench/multi-tab-writes.mts', '--provider', provider, '--mode', mode];
      for (const name of ['learners', 'bursts', 'tabs', 'seed'] as const) args.push(`--${name}`, options[name]!);
      const child = spawnSync('npx', args, { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
      const line = child.stdout.split('\n').find((text) => text.startsWith('OUTCOME '));
      if (!line) {
        console.error(child.stdout.slice(-4000), child.stderr.slice(-4000));
        process.exit(1);
      }
      outcomes.push(JSON.parse(line.slice('OUTCOME '.length)) as Outcome);
    }
  }
  console.log(`\n${options.learners} learners × ${options.tabs} tabs × ${options.bursts} bursts, seed ${options.seed}\n`);
  console.log('database    mode         writes  2xx    4xx   5xx  lost  duplicated  merges  seconds');
  for (const o of outcomes) {
    const cells = [o.provider.padEnd(11), o.mode.padEnd(11), o.writes, o.acknowledged, o.refused, o.serverErrors, o.lost, o.duplicated, o.merges, o.seconds.toFixed(1)];
    console.log(cells.map((cell, index) => String(cell).padStart(index < 2 ? 0 : [0, 0, 7, 5, 6, 5, 6, 12, 8, 9][index]!)).join(' '));
  }
  for (const o of outcomes) for (const example of o.examples) console.log(`  ${o.provider}/${o.mode}: ${example}`);
  process.exit(outcomes.some((o) => o.lost || o.duplicated || o.serverErrors) ? 1 : 0);
}

// ---- child: one database, one mode ----

const provider = options.provider as Provider;
const mode = options.mode as Mode;
const learners = Number(options.learners);
const bursts = Number(options.bursts);
const tabsPerLearner = Number(options.tabs);
const random = seededRandom(Number(options.seed));

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    const url = newSqliteUrl('traffic-cop-bench-');
    migrateDatabase(url);
    return { url, drop: async () => undefined };
  }
  const admin = new URL(process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL!);
  const name = `traffic_cop_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(admin.href);
  url.pathname = `/${name}`;
  migrateDatabase(url.href);
  const drop = async () => {
    const client = new pg.Client({ connectionString: admin.href });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.end();
  };
  return { url: url.href, drop };
}

const database = await freshDatabase();
process.env.DATABASE_URL = database.url;
process.env.BETTER_AUTH_SECRET ??= 'bench-secret-0123456789abcdef0123456789';

const routes: Routes = {
  '/api/auth/[...all]': await import('@/app/api/auth/[...all]/route'),
  '/api/progress/[lessonId]': await import('@/app/api/progress/[lessonId]/route'),
  '/api/drills/attempts': await import('@/app/api/drills/attempts/route'),
  '/api/exercises/[id]/draft': await import('@/app/api/exercises/[id]/draft/route'),
  '/api/exercises/[id]/submissions': await import('@/app/api/exercises/[id]/submissions/route'),
  '/api/account/guest': await import('@/app/api/account/guest/route'),
};
const { db } = await import('@/server/db/db');
const course = await (await import('@/server/content/lessons')).getCourse();
const bank = (await import('@/content/drills/bank')).loadDrillBank();
const { readFileSync } = await import('node:fs');

const quiz = course.lessons.flatMap((lesson) => lesson.frontmatter.quiz.flatMap((question) => (question.kind === 'choice' ? [{ lessonId: lesson.id, question }] : [])));
const lessonIds = course.lessons.map((lesson) => lesson.id);
const drillIds = bank.questions.map((question) => question.id);
const decoy = readFileSync('content/exercises/round-robin/decoy.ts', 'utf8');

/** What one learner's tabs were told was stored (2xx only), and who owns it now. */
interface Ledger {
  /** requestIds of acknowledged progress writes, by the learner id they were written for. */
  progress: Map<string, Set<string>>;
  /** requestIds of acknowledged activity writes (drills, drafts, submissions). */
  activity: Map<string, Set<string>>;
  /** Attempt and submission ids the server answered with, per requestId, and the learner that owns them. */
  rows: Map<string, { table: 'attempt' | 'submission'; id: string; owner: string }>;
  /** Every draft code acknowledged per exercise: the stored one must be one of them. */
  drafts: Map<string, Set<string>>;
}

interface Learner {
  tabs: BrowserClient[];
  /** The account's learner id, for learners who signed up; anonymous learners have only the cookie. */
  accountId?: string;
  ledger: Ledger;
}

const log = { writes: 0, acknowledged: 0, refused: 0, serverErrors: 0, merges: 0, examples: [] as string[] };
const newLedger = (): Ledger => ({ progress: new Map(), activity: new Map(), rows: new Map(), drafts: new Map() });
const add = (map: Map<string, Set<string>>, key: string, value: string) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value);
const requestId = () => `bench-${randomBytes(12).toString('hex')}`;

type Write = () => Promise<void>;

/** Sends one write (and, for an exact retry, the same body again at once) and books what was acknowledged. */
function write(learner: Learner, tab: BrowserClient, method: 'POST' | 'PUT', path: string, body: Record<string, unknown>, book: (json: Record<string, unknown>, owner: string) => void): Write {
  return async () => {
    log.writes += 1;
    let answer: Awaited<ReturnType<BrowserClient['call']>>;
    try {
      answer = await tab.call(method, path, body);
    } catch (error) {
      // A handler that throws is what Next answers with a 500.
      log.serverErrors += 1;
      if (log.examples.length < 5) log.examples.push(`${path} threw ${String(error).slice(0, 160)}`);
      return;
    }
    if (answer.status >= 500) {
      log.serverErrors += 1;
      if (log.examples.length < 5) log.examples.push(`${path} answered ${answer.status}`);
      return;
    }
    if (answer.status >= 400) {
      log.refused += 1;
      return;
    }
    log.acknowledged += 1;
    book(answer.json, learner.accountId ?? tab.cookies.get('tc_learner')!);
  };
}

function randomWrites(learner: Learner, tab: BrowserClient): Write[] {
  const kind = pick(random, ['quiz', 'quiz', 'progress', 'drill', 'draft', 'draft', 'submission'] as const);
  const id = requestId();
  const { ledger } = learner;
  let one: Write;
  if (kind === 'quiz' || kind === 'progress') {
    const item = pick(random, quiz);
    const body =
      kind === 'quiz'
        ? { action: 'answer', requestId: id, questionId: item.question.id, response: random() < 0.5 ? item.question.answer : (item.question.answer + 1) % item.question.choices.length }
        : { action: random() < 0.7 ? 'complete' : 'reopen', requestId: id };
    const lessonId = kind === 'quiz' ? item.lessonId : pick(random, lessonIds);
    one = write(learner, tab, 'POST', `/api/progress/${lessonId}`, body, (_json, owner) => add(ledger.progress, owner, id));
  } else if (kind === 'drill') {
    one = write(learner, tab, 'POST', '/api/drills/attempts', { requestId: id, questionId: pick(random, drillIds), answer: 'It sends each request to the next server in turn.' }, (json, owner) => {
      add(ledger.activity, owner, id);
      ledger.rows.set(id, { table: 'attempt', id: String(json.attemptId), owner });
    });
  } else if (kind === 'draft') {
    const exerciseId = pick(random, ['round-robin', 'least-connections']);
    const code = `// ${exerciseId} ${id}\n`;
    one = write(learner, tab, 'PUT', `/api/exercises/${exerciseId}/draft`, { code, requestId: id }, (_json, owner) => {
      add(ledger.activity, owner, id);
      add(ledger.drafts, exerciseId, code);
    });
  } else {
    one = write(learner, tab, 'POST', '/api/exercises/round-robin/submissions', { code: decoy, requestId: id }, (json, owner) => {
      add(ledger.activity, owner, id);
      ledger.rows.set(id, { table: 'submission', id: String((json.submission as { id: string }).id), owner });
    });
  }
  // One write in five is resent at once with the same body, as a client retrying a lost answer does.
  return random() < 0.2 ? [one, one] : [one];
}

/** A guest who studied on the account's browser while signed out: the merge moves what it acknowledged. */
async function guestOn(learner: Learner): Promise<BrowserClient> {
  const guest = new BrowserClient(routes, learner.tabs[0]!.ip);
  const guestLearner: Learner = { tabs: [guest], ledger: learner.ledger };
  for (let index = 0; index < 3; index++) for (const w of randomWrites(guestLearner, guest)) await w();
  return guest;
}

async function signUp(index: number, tab: BrowserClient): Promise<string> {
  const email = `bench-${index}@example.com`;
  const answer = await tab.call('POST', '/api/auth/sign-up/email', { email, password: 'correct horse battery', name: `bench${index}` });
  if (answer.status !== 200) throw new Error(`sign-up answered ${answer.status}`);
  return (await db.user.findUniqueOrThrow({ where: { email }, include: { learner: true } })).learner!.id;
}

const started = Date.now();
const crowd: Learner[] = [];
for (let index = 0; index < learners; index++) {
  const first = new BrowserClient(routes, `198.51.${Math.floor(index / 250)}.${(index % 250) + 1}`);
  const learner: Learner = { tabs: [first], ledger: newLedger() };
  // A third sign up (their guests are merged mid-burst); the rest stay anonymous with a cookie.
  if (index % 3 === 0) learner.accountId = await signUp(index, first);
  else for (const w of randomWrites(learner, first)) await w();
  for (let tab = 1; tab < tabsPerLearner; tab++) learner.tabs.push(first.clone());
  crowd.push(learner);
}

const run = async (writes: Write[]) => {
  if (mode === 'sequential') for (const w of writes) await w();
  else await Promise.all(writes.map((w) => w()));
};

for (let burst = 0; burst < bursts; burst++) {
  const writes: Write[] = [];
  for (const learner of crowd) {
    for (const tab of learner.tabs) for (let n = 0; n < 3; n++) writes.push(...randomWrites(learner, tab));
    if (learner.accountId) {
      const guest = await guestOn(learner);
      const merging = learner.tabs[0]!.clone().withCookie('tc_learner', guest.cookies.get('tc_learner')!);
      const guestId = guest.cookies.get('tc_learner')!;
      writes.push(async () => {
        const answer = await merging.call('POST', '/api/account/guest').catch((error: unknown) => ({ status: 500, error }));
        if (answer.status >= 500) {
          log.serverErrors += 1;
          if (log.examples.length < 5) log.examples.push(`guest merge: ${'error' in answer ? String(answer.error).slice(0, 160) : answer.status}`);
        }
        if (answer.status !== 200) return;
        log.merges += 1;
        // The guest's acknowledged events now belong to the account.
        for (const map of [learner.ledger.progress, learner.ledger.activity]) {
          const moved = map.get(guestId);
          map.delete(guestId);
          for (const value of moved ?? []) add(map, learner.accountId!, value);
        }
        for (const row of learner.ledger.rows.values()) if (row.owner === guestId) row.owner = learner.accountId!;
      });
    }
  }
  // Shuffled, so each learner's tabs and merges interleave with everyone else's.
  for (let index = writes.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [writes[index], writes[other]] = [writes[other]!, writes[index]!];
  }
  await run(writes);
}

// ---- the comparison ----

let lost = 0;
let duplicated = 0;
const note = (text: string) => {
  if (log.examples.length < 12) log.examples.push(text);
};
const lose = (text: string) => {
  lost += 1;
  note(text);
};
for (const learner of crowd) {
  const { ledger } = learner;
  for (const [table, byOwner] of [['progress', ledger.progress], ['activity', ledger.activity]] as const) {
    for (const [owner, ids] of byOwner) {
      const where = { learnerId: owner, requestId: { in: [...ids] } };
      const stored = table === 'progress' ? await db.progressEvent.findMany({ where, select: { requestId: true } }) : await db.drillEvent.findMany({ where, select: { requestId: true } });
      const found = new Set(stored.map((row) => row.requestId));
      for (const id of ids) if (!found.has(id)) lose(`${table} event ${id} of ${owner}: acknowledged, not stored`);
    }
  }
  for (const [id, row] of ledger.rows) {
    const count = row.table === 'attempt' ? await db.drillAttempt.count({ where: { id: row.id } }) : await db.submission.count({ where: { id: row.id } });
    if (count === 0) lose(`${row.table} ${row.id} (request ${id}): acknowledged, not stored`);
  }
  const owners = new Set([...ledger.activity.keys(), ...ledger.progress.keys(), ...[...ledger.rows.values()].map((row) => row.owner)]);
  for (const owner of owners) {
    // Every acknowledged attempt and submission is one row: a retried request must not add a second.
    const acknowledged = [...ledger.rows.values()].filter((row) => row.owner === owner);
    for (const table of ['attempt', 'submission'] as const) {
      const expected = acknowledged.filter((row) => row.table === table).length;
      const stored = table === 'attempt' ? await db.drillAttempt.count({ where: { learnerId: owner } }) : await db.submission.count({ where: { learnerId: owner } });
      if (stored > expected) {
        duplicated += stored - expected;
        note(`${owner}: ${stored} ${table} rows for ${expected} acknowledged writes`);
      }
    }
    for (const draft of await db.exerciseDraft.findMany({ where: { learnerId: owner } })) {
      if (!ledger.drafts.get(draft.exerciseId)?.has(draft.code)) lose(`${owner}: draft of ${draft.exerciseId} is code no tab saved`);
    }
  }
}

const outcome: Outcome = { provider, mode, writes: log.writes, acknowledged: log.acknowledged, lost, duplicated, serverErrors: log.serverErrors, refused: log.refused, merges: log.merges, seconds: (Date.now() - started) / 1000, examples: log.examples };
await db.$disconnect();
await database.drop();
console.log(`OUTCOME ${JSON.stringify(outcome)}`);
process.exit(0);
