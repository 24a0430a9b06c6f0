// The bookkeeping half of scripts/bench/learners-load.ts: a seeded random source, the client-side
// ledger of what each simulated learner expects the database to hold, the comparison with what it
// does hold, and latency percentiles. No I/O here.

/** mulberry32: a small, fast, seedable generator, so a run's choices can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** What one learner has been told was stored: only writes answered 2xx enter it. */
export class LearnerLedger {
  /** Distinct requestIds of progress writes (a retry adds nothing). */
  readonly progressRequests = new Set<string>();
  /** Distinct requestIds of drill answers, and the attempt id the server answered each with. */
  readonly attempts = new Map<string, string>();
  /** Each touched lesson's state after the learner's last write to it: true when completed. */
  readonly lessons = new Map<string, boolean>();
  /** The last code saved per exercise. */
  readonly drafts = new Map<string, string>();
  /** Answers that contradicted the ledger when they came (a retry answered with another attempt, a lesson state other than the one just written). */
  readonly responseMismatches: string[] = [];

  constructor(
    readonly index: number,
    /** Set for a learner who signs up first; anonymous learners are found by their cookie. */
    readonly email: string | undefined,
  ) {}
}

/** One learner's rows as the database holds them after the run. */
export interface StoredLearner {
  progressRequests: string[];
  /** requestIds of the learner's DrillEvent rows of kind "attempt". */
  attemptEvents: string[];
  /** Ids of the learner's DrillAttempt rows. */
  attemptIds: string[];
  lessons: Map<string, boolean>;
  drafts: Map<string, string>;
}

export const emptyStoredLearner = (): StoredLearner => ({ progressRequests: [], attemptEvents: [], attemptIds: [], lessons: new Map(), drafts: new Map() });

/** How a learner's rows can differ from its ledger; "lost" and "doubled" are the ones that mean a bug. */
export type MismatchKind = 'lost' | 'doubled' | 'different' | 'unacknowledged' | 'answer';

export interface Mismatch {
  kind: MismatchKind;
  detail: string;
}

function setDifference(expected: Iterable<string>, found: readonly string[], what: string): Mismatch[] {
  const want = new Set(expected);
  const have = new Map<string, number>();
  for (const value of found) have.set(value, (have.get(value) ?? 0) + 1);
  const missing = [...want].filter((value) => !have.has(value));
  const extra = [...have.keys()].filter((value) => !want.has(value));
  const doubled = [...have].filter(([, count]) => count > 1);
  return [
    ...missing.map((value): Mismatch => ({ kind: 'lost', detail: `${what} ${value}: acknowledged, not stored` })),
    ...extra.map((value): Mismatch => ({ kind: 'unacknowledged', detail: `${what} ${value}: stored, never acknowledged` })),
    ...doubled.map(([value, count]): Mismatch => ({ kind: 'doubled', detail: `${what} ${value}: stored ${count} times` })),
  ];
}

function mapDifference<V>(expected: Map<string, V>, found: Map<string, V>, what: string): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const [key, value] of expected) {
    if (!found.has(key)) mismatches.push({ kind: 'lost', detail: `${what} ${key}: written, no row` });
    else if (found.get(key) !== value) mismatches.push({ kind: 'different', detail: `${what} ${key}: expected ${JSON.stringify(value).slice(-40)}, found ${JSON.stringify(found.get(key)).slice(-40)}` });
  }
  for (const key of found.keys()) if (!expected.has(key)) mismatches.push({ kind: 'unacknowledged', detail: `${what} ${key}: stored, never acknowledged` });
  return mismatches;
}

/** Every way the stored rows differ from the learner's ledger; empty when they agree exactly. */
export function compareLearner(ledger: LearnerLedger, stored: StoredLearner): Mismatch[] {
  return [
    ...ledger.responseMismatches.map((detail): Mismatch => ({ kind: 'answer', detail })),
    ...setDifference(ledger.progressRequests, stored.progressRequests, 'ProgressEvent'),
    ...setDifference(ledger.attempts.keys(), stored.attemptEvents, 'DrillEvent'),
    ...setDifference(ledger.attempts.values(), stored.attemptIds, 'DrillAttempt'),
    ...mapDifference(ledger.lessons, stored.lessons, 'LessonProgress'),
    ...mapDifference(ledger.drafts, stored.drafts, 'ExerciseDraft'),
  ];
}

/** Latencies by endpoint, and the status of every answer. */
export class RequestLog {
  private readonly latencies = new Map<string, number[]>();
  readonly statuses = new Map<string, number>();
  /** Requests resent because a kept-alive connection was closed under them before they were read. */
  staleConnections = 0;
  /** Answers per instance, from nginx's X-Upstream header (absent without nginx). */
  readonly upstreams = new Map<string, number>();

  record(endpoint: string, ms: number, status: string): void {
    const list = this.latencies.get(endpoint) ?? [];
    list.push(ms);
    this.latencies.set(endpoint, list);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  servedBy(upstream: string | string[] | undefined): void {
    if (typeof upstream === 'string') this.upstreams.set(upstream, (this.upstreams.get(upstream) ?? 0) + 1);
  }

  get total(): number {
    return [...this.latencies.values()].reduce((sum, list) => sum + list.length, 0);
  }

  get failures(): number {
    return [...this.statuses].filter(([status]) => !/^2\d\d$/.test(status)).reduce((sum, [, count]) => sum + count, 0);
  }

  /** n, p50, p95, p99 and max per endpoint, then over every request ("all"). */
  summary(): { endpoint: string; n: number; p50: number; p95: number; p99: number; max: number }[] {
    const rows = [...this.latencies].map(([endpoint, list]) => ({ endpoint, ...percentiles(list) }));
    return [...rows, { endpoint: 'all', ...percentiles([...this.latencies.values()].flat()) }];
  }
}

/** Nearest-rank percentiles: p99 is a latency that 99% of requests did not exceed. */
export function percentiles(values: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}
