// One simulated learner of scripts/bench/learners-load.ts: a browser with its own cookie jar and
// loopback address, and a seeded loop of progress writes, draft saves and drill answers, some of
// them retried or sent from two tabs at once. Every write answered 2xx enters the learner's ledger.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import matter from 'gray-matter';
import { LearnerLedger, pick, seededRandom, type RequestLog } from './learner-ledger';

export const SIGN_UP_SHARE = 1 / 3;
/** Per write: sent again after the answer (a retry after a lost response), or twice at once (a retry while the first is still in flight). */
const RETRY = { again: 0.06, overlapping: 0.04 };
/** Per action: an old progress write or drill answer sent again much later (an offline queue flushed twice). */
const LATE_REPLAY = 0.03;
/** Per action: a second tab writes at the same moment, to another lesson, exercise or question. */
const TWO_TABS = 0.08;
const MIX = [
  ['progress', 0.45],
  ['draft', 0.3],
  ['drill', 0.25],
] as const;
const PASSWORD = 'a long enough password';
const TIME_ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'];
const REQUEST_TIMEOUT_MS = 30_000;

type Kind = (typeof MIX)[number][0];
export interface Catalog {
  lessons: string[];
  questions: { id: string; sentences: string[] }[];
  exercises: { id: string; starter: string }[];
}

/** Lesson ids from frontmatter, drill questions and exercises straight from content/, as the site loads them. */
export function loadCatalog(): Catalog {
  const lessonsDir = path.join('content', 'lessons');
  const lessons = readdirSync(lessonsDir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => String(matter(readFileSync(path.join(lessonsDir, file), 'utf8')).data.id));
  const questionsDir = path.join('content', 'drills', 'questions');
  const questions = readdirSync(questionsDir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => (JSON.parse(readFileSync(path.join(questionsDir, file), 'utf8')) as { questions: { id: string; modelAnswer: string }[] }).questions)
    .map((question) => ({ id: question.id, sentences: question.modelAnswer.split(/(?<=\.)\s+/) }));
  const exercisesDir = path.join('content', 'exercises');
  const exercises = readdirSync(exercisesDir)
    .filter((name) => existsSync(path.join(exercisesDir, name, 'meta.json')))
    .map((name) => ({ id: (JSON.parse(readFileSync(path.join(exercisesDir, name, 'meta.json'), 'utf8')) as { id: string }).id, starter: readFileSync(path.join(exercisesDir, name, 'starter.ts'), 'utf8') }));
  return { lessons, questions, exercises };
}

// ---- HTTP: one browser per learner ------------------------------------------------------------

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/** A learner's browser: its own cookie jar, keep-alive connections from its own loopback address. */
export class LearnerBrowser {
  readonly cookies = new Map<string, string>();
  // At most two connections at once (two tabs); a second one is not kept idle afterwards.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 2, maxFreeSockets: 1 });

  constructor(
    private readonly base: URL,
    readonly address: string,
    private readonly log: RequestLog,
  ) {}

  send(endpoint: string, method: 'POST' | 'PUT', pathname: string, body: unknown, log = this.log): Promise<Answer> {
    const payload = JSON.stringify(body);
    const headers: Record<string, string> = {
      origin: this.base.origin,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      'x-forwarded-for': this.address,
    };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const started = performance.now();
    return new Promise((resolve) => {
      let done = false;
      const finish = (status: number, label: string, text = '') => {
        if (done) return;
        done = true;
        log.record(endpoint, performance.now() - started, label);
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // not JSON: an error page; the status says what went wrong
        }
        resolve({ status, json });
      };
      const attempt = (firstTry: boolean) => {
        const request = http.request(
          { host: this.base.hostname, port: this.base.port, path: pathname, method, headers, agent: this.agent, localAddress: this.address, timeout: REQUEST_TIMEOUT_MS },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              this.keepCookies(response.headers['set-cookie'] ?? []);
              log.servedBy(response.headers['x-upstream']);
              finish(response.statusCode ?? 0, String(response.statusCode), Buffer.concat(chunks).toString('utf8'));
            });
            response.on('error', (error) => finish(0, `network: ${error.message}`));
          },
        );
        request.on('timeout', () => request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
        request.on('error', (error: NodeJS.ErrnoException) => {
          // The server closed an idle kept-alive connection as this request went out on it, so the
          // request was never read; browsers then resend on a new connection, and so do we (Node's
          // http docs, request.reusedSocket). Not an application retry: the first copy never arrived.
          if (firstTry && request.reusedSocket && error.code === 'ECONNRESET') {
            log.staleConnections += 1;
            return attempt(false);
          }
          finish(0, `network: ${error.code ?? error.message}`);
        });
        request.end(payload);
      };
      attempt(true);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private keepCookies(lines: string[]): void {
    for (const line of lines) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (value === '' || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

const ok = (answers: Answer[]) => answers.every((answer) => answer.status >= 200 && answer.status < 300);

// ---- one simulated learner -----------------------------------------------------------------------

export interface Run {
  catalog: Catalog;
  base: URL;
  log: RequestLog;
  /** Set when the clock starts, after the sign-ups. */
  deadline: number;
  /** Learners arrive at random within this long after the start. */
  rampUpMs: number;
  /** The pause before each action, uniformly between these. */
  thinkMs: { min: number; max: number };
  seed: number;
  tag: string;
  counts: { sequentialRetries: number; overlappingRetries: number; lateReplays: number; twoTabMoments: number };
}

interface Replayable {
  kind: 'progress' | 'drill';
  pathname: string;
  body: Record<string, unknown>;
  requestId: string;
  lessonId?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SimulatedLearner {
  private readonly random: () => number;
  private readonly browser: LearnerBrowser;
  private readonly timeZone: string;
  private readonly history: Replayable[] = [];
  private writes = 0;

  constructor(
    private readonly run: Run,
    readonly ledger: LearnerLedger,
  ) {
    this.random = seededRandom(run.seed * 1_000_003 + ledger.index);
    this.browser = new LearnerBrowser(run.base, `127.1.${Math.floor(ledger.index / 250)}.${(ledger.index % 250) + 1}`, run.log);
    this.timeZone = pick(this.random, TIME_ZONES);
  }

  /** The learner's anonymous id (its cookie), once a write has created it. */
  get cookie(): string | undefined {
    return this.browser.cookies.get('tc_learner');
  }

  /** Has the server given this browser an identity yet? Until then two writes at once would make two learners. */
  private get known(): boolean {
    return this.ledger.email !== undefined || this.cookie !== undefined;
  }

  /** Signs up (a learner with an email), before the clock starts; answers whether the account exists. */
  async signUp(log: RequestLog): Promise<boolean> {
    if (!this.ledger.email) return true;
    const answer = await this.browser.send('sign-up', 'POST', '/api/auth/sign-up/email', { email: this.ledger.email, password: PASSWORD, name: `Learner ${this.ledger.index}` }, log);
    return ok([answer]);
  }

  /** Saves progress, drafts and drill answers until the run's deadline. */
  async live(): Promise<void> {
    await sleep(this.random() * this.run.rampUpMs);
    while (Date.now() < this.run.deadline) {
      const think = this.run.thinkMs.min + this.random() * (this.run.thinkMs.max - this.run.thinkMs.min);
      await sleep(Math.min(think, this.run.deadline - Date.now()));
      if (Date.now() >= this.run.deadline) break;
      if (this.known && this.history.length && this.random() < LATE_REPLAY) await this.replay();
      else if (this.known && this.random() < TWO_TABS) await this.twoTabs();
      else await this.act(this.kind());
    }
    this.browser.close();
  }

  private kind(): Kind {
    let roll = this.random();
    for (const [kind, share] of MIX) if ((roll -= share) < 0) return kind;
    return MIX[0][0];
  }

  private act(kind: Kind, target?: string): Promise<void> {
    if (kind === 'progress') return this.progress(target ?? pick(this.random, this.run.catalog.lessons));
    if (kind === 'draft') return this.draft(target ?? pick(this.random, this.run.catalog.exercises).id);
    return this.drill(target ?? pick(this.random, this.run.catalog.questions).id);
  }

  /** Two writes at the same moment, as from two tabs, on different targets so the final state is known. */
  private async twoTabs(): Promise<void> {
    this.run.counts.twoTabMoments += 1;
    const [first, second] = [this.kind(), this.kind()];
    const targets = (kind: Kind) => (kind === 'progress' ? this.run.catalog.lessons : kind === 'draft' ? this.run.catalog.exercises.map((exercise) => exercise.id) : this.run.catalog.questions.map((question) => question.id));
    const a = pick(this.random, targets(first));
    const b = pick(this.random, targets(second).filter((target) => target !== a));
    await Promise.all([this.act(first, a), this.act(second, b)]);
  }

  private requestId(kind: string): string {
    return `${this.run.tag}-${this.ledger.index}-${kind}${++this.writes}`;
  }

  /** Sends a write once, or with a retry: after the answer, or while the first copy is in flight. */
  private async sendWrite(endpoint: string, method: 'POST' | 'PUT', pathname: string, body: unknown): Promise<Answer[]> {
    const roll = this.known ? this.random() : 1;
    const send = () => this.browser.send(endpoint, method, pathname, body);
    if (roll < RETRY.overlapping) {
      this.run.counts.overlappingRetries += 1;
      return Promise.all([send(), send()]);
    }
    const first = await send();
    if (roll >= RETRY.overlapping + RETRY.again) return [first];
    this.run.counts.sequentialRetries += 1;
    return [first, await send()];
  }

  private async progress(lessonId: string): Promise<void> {
    const action = this.random() < 0.6 ? 'complete' : 'reopen';
    const requestId = this.requestId('p');
    const pathname = `/api/progress/${lessonId}`;
    const body = { action, requestId };
    const answers = await this.sendWrite('progress', 'POST', pathname, body);
    if (!ok(answers)) return;
    this.ledger.progressRequests.add(requestId);
    this.ledger.lessons.set(lessonId, action === 'complete');
    this.expectLessonState(answers, lessonId);
    this.history.push({ kind: 'progress', pathname, body, requestId, lessonId });
  }

  private async draft(exerciseId: string): Promise<void> {
    const starter = this.run.catalog.exercises.find((exercise) => exercise.id === exerciseId)!.starter;
    const code = `${starter}\n// learner ${this.ledger.index}, save ${++this.writes}\n`;
    const answers = await this.sendWrite('draft', 'PUT', `/api/exercises/${exerciseId}/draft`, { code });
    if (ok(answers)) this.ledger.drafts.set(exerciseId, code);
  }

  private async drill(questionId: string): Promise<void> {
    const { sentences } = this.run.catalog.questions.find((question) => question.id === questionId)!;
    const from = Math.floor(this.random() * sentences.length);
    const answer = sentences.slice(from, from + 1 + Math.floor(this.random() * 3)).join(' ');
    const requestId = this.requestId('d');
    const body = { requestId, questionId, answer, timeZone: this.timeZone };
    const answers = await this.sendWrite('drill', 'POST', '/api/drills/attempts', body);
    if (!ok(answers)) return;
    const attemptIds = new Set(answers.map((reply) => String(reply.json.attemptId)));
    if (attemptIds.size !== 1) this.ledger.responseMismatches.push(`drill ${requestId}: copies answered with different attempts ${[...attemptIds].join(', ')}`);
    this.ledger.attempts.set(requestId, String(answers[0]!.json.attemptId));
    this.history.push({ kind: 'drill', pathname: '/api/drills/attempts', body, requestId });
  }

  /** An old write sent again: it must change nothing and answer with what the first copy stored. */
  private async replay(): Promise<void> {
    this.run.counts.lateReplays += 1;
    const old = pick(this.random, this.history);
    const answer = await this.browser.send(old.kind, 'POST', old.pathname, old.body);
    if (!ok([answer])) return;
    if (old.kind === 'progress') this.expectLessonState([answer], old.lessonId!);
    else if (answer.json.attemptId !== this.ledger.attempts.get(old.requestId)) {
      this.ledger.responseMismatches.push(`drill replay ${old.requestId}: answered ${String(answer.json.attemptId)}, first stored ${this.ledger.attempts.get(old.requestId)}`);
    }
  }

  private expectLessonState(answers: Answer[], lessonId: string): void {
    const expected = this.ledger.lessons.get(lessonId);
    for (const answer of answers) {
      const completed = (answer.json.lesson as { completed?: boolean } | undefined)?.completed;
      if (completed !== expected) this.ledger.responseMismatches.push(`progress ${lessonId}: answered completed=${completed}, ledger says ${expected}`);
    }
  }
}

