import { createBalancer } from '@/lib/balancers/registry';
import type { BackendId } from '@/lib/balancers/types';
import { randomIndex, seededRandom } from '@/lib/random/seeded';
import { createArrivalClock } from './arrivals';
import { createClientPool } from './clients';
import { createCostSampler } from './cost';
import { EventQueue } from './event-queue';
import { SimMetrics, type MetricsSummary } from './metrics';
import type { Scenario } from './scenario';
import { SimServer, type HeldRequest } from './server';

/** Clients a scenario gets when it names none. */
export const DEFAULT_CLIENTS = { count: 100 } as const;

/** One routing decision, as `--trace` prints it. `server` is undefined when no backend was usable. */
export interface RouteDecision {
  /** 1 for the first request of the run. */
  request: number;
  atMs: number;
  clientIp: string;
  sessionKey: string;
  server: BackendId | undefined;
}

/** Live state of one server, for drawing. */
export interface ServerSnapshot {
  id: BackendId;
  up: boolean;
  inService: number;
  queued: number;
}

/** Where a run stands after a step: cheap to build, so a UI can take one per frame. */
export interface Snapshot {
  nowMs: number;
  done: boolean;
  /** Requests sent so far, warm-up included. */
  sent: number;
  servers: ServerSnapshot[];
}

/** Hooks for watching a run. */
export interface SimulationOptions {
  onRoute?: (decision: RouteDecision) => void;
}

/** A run that advances on demand: what a Web Worker drives to stream snapshots to the page. */
export interface Simulation {
  /** Processes every event up to and including `untilMs` (Infinity runs to the end). */
  step(untilMs: number): Snapshot;
  /** True once every request has arrived and left. */
  readonly done: boolean;
  /** Metrics of the measured requests so far. */
  metrics(): MetricsSummary;
}

type SimEvent =
  | { kind: 'arrival' }
  | { kind: 'completion'; server: number; epoch: number; request: HeldRequest; startedAt: number }
  | { kind: 'crash'; server: number }
  | { kind: 'recover'; server: number };

const ARRIVAL: SimEvent = { kind: 'arrival' };

/**
 * A discrete-event simulation of one scenario. Arrivals, client choice, request cost and the
 * balancer each draw from their own seeded stream, so switching algorithm leaves the traffic
 * itself unchanged: two algorithms are compared on exactly the same requests.
 */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const seeds = seededRandom(scenario.seed);
  const nextSeed = () => Math.floor(seeds() * 2 ** 32);
  const nextArrival = createArrivalClock(scenario.arrivals, seededRandom(nextSeed()));
  const drawCost = createCostSampler(scenario.cost, seededRandom(nextSeed()));
  const clientRandom = seededRandom(nextSeed());
  const balancer = createBalancer(scenario.algorithm, seededRandom(nextSeed()));

  const clients = createClientPool(scenario.clients ?? DEFAULT_CLIENTS);
  const servers = scenario.servers.map((spec, index) => new SimServer(index, spec));
  const views = servers.map((server) => server.view);
  const indexById = new Map(views.map((view, index) => [view.id, index]));
  const metrics = new SimMetrics(views);
  const events = new EventQueue<SimEvent>();
  const maxRequests = scenario.requests ?? Infinity;
  const endMs = scenario.durationMs ?? Infinity;
  const warmup = scenario.warmupRequests ?? 0;
  let now = 0;
  let sent = 0;

  const scheduleArrival = () => {
    if (sent >= maxRequests) return;
    const at = nextArrival();
    if (at <= endMs) events.push(at, ARRIVAL);
  };

  const startService = (index: number, request: HeldRequest) => {
    const server = servers[index]!;
    server.inService += 1;
    if (request.measured) server.measuredInService += 1;
    events.push(now + request.costMs, { kind: 'completion', server: index, epoch: server.epoch, request, startedAt: now });
  };

  const arrive = () => {
    const measured = sent >= warmup;
    const request: HeldRequest = { arrivedAt: now, measured, costMs: drawCost() };
    const client = randomIndex(clientRandom, clients.addresses.length);
    const clientIp = clients.addresses[client]!;
    const sessionKey = clients.sessionKeys[client]!;
    sent += 1;
    scheduleArrival();

    const id = balancer.pick(views, { clientIp, key: sessionKey });
    options.onRoute?.({ request: sent, atMs: now, clientIp, sessionKey, server: id });
    if (measured) metrics.recordArrival();
    const index = id === undefined ? undefined : indexById.get(id);
    const server = index === undefined ? undefined : servers[index];
    if (index === undefined || !server?.accepts) {
      if (measured) metrics.recordDropped(index);
      return;
    }
    if (server.inService < server.capacity) startService(index, request);
    else {
      server.waiting.push(request);
      if (measured) metrics.recordQueueLength(index, server.waiting.length);
    }
    server.refresh();
  };

  const complete = (event: Extract<SimEvent, { kind: 'completion' }>) => {
    const server = servers[event.server]!;
    // Completions scheduled before a crash belong to requests the crash already counted as failed.
    if (event.epoch !== server.epoch) return;
    server.inService -= 1;
    if (event.request.measured) {
      server.measuredInService -= 1;
      metrics.recordServed(event.server, now - event.request.arrivedAt, event.startedAt - event.request.arrivedAt);
    }
    const next = server.waiting.shift();
    if (next) startService(event.server, next);
    server.refresh();
  };

  const crash = (index: number) => {
    const server = servers[index]!;
    if (!server.up) return;
    const lostWaiting = server.waiting.drain().filter((held) => held.measured).length;
    metrics.recordFailed(index, server.measuredInService + lostWaiting);
    server.up = false;
    server.epoch += 1;
    server.inService = 0;
    server.measuredInService = 0;
    server.refresh();
  };

  const recover = (index: number) => {
    servers[index]!.up = true;
    servers[index]!.refresh();
  };

  for (const failure of scenario.failures ?? []) events.push(failure.atMs, { kind: failure.kind, server: failure.server });
  scheduleArrival();

  return {
    step(untilMs) {
      while (events.size > 0 && events.peekTime() <= untilMs) {
        now = events.peekTime();
        const event = events.pop()!;
        switch (event.kind) {
          case 'arrival':
            arrive();
            break;
          case 'completion':
            complete(event);
            break;
          case 'crash':
            crash(event.server);
            break;
          case 'recover':
            recover(event.server);
            break;
        }
      }
      if (events.size > 0) now = Math.max(now, untilMs);
      return {
        nowMs: now,
        done: events.size === 0,
        sent,
        servers: servers.map((server) => ({ id: server.view.id, up: server.up, inService: server.inService, queued: server.waiting.length })),
      };
    },
    get done() {
      return events.size === 0;
    },
    metrics: () => metrics.summary(now),
  };
}

/** Runs a scenario to the end and returns its metrics (lb-algorithms.md §10 gives the queueing results to expect). */
export function runSimulation(scenario: Scenario, options: SimulationOptions = {}): MetricsSummary {
  const simulation = createSimulation(scenario, options);
  simulation.step(Infinity);
  return simulation.metrics();
}
