import { createBalancer } from '@/lib/balancers/registry';
import { createFrontDoor } from '@/lib/sim-front-door/front-door';
import { Layer7Router } from './layer7';
import type { BackendId, BackendView, Balancer } from '@/lib/balancers/types';
import type { Random } from '@/lib/random/seeded';
import { randomIndex, seededRandom } from '@/lib/random/seeded';
import { createArrivalClock, exponential } from './arrivals';
import { createClientPool, MobileAddresses } from './clients';
import { createCostSampler } from './cost';
import { EventQueue } from './event-queue';
import { HealthChecker } from './health-checker';
import { latencySlot } from './histogram';
import { SimMetrics, type MetricsSummary } from './metrics';
import { CallFlow, type Call } from './overload/call-flow';
import { HostHealth } from './overload/host-health';
import { PoolControl } from './pool-control';
import { RemapTracker } from './remap-tracker';
import { poolCommandSchema, type ClientSpec, type PoolCommand, type ValidScenario } from './scenario';
import { parseOrThrow } from './schema-kit';
import { SimServer, type HeldRequest, type ServerState } from './server';
import { ServerMemorySessions } from './sessions';
import type { BackgroundEvent, SimEvent } from './sim-event';
import { StepWindow, type WindowSummary } from './step-window';
import { StickyRouter } from './sticky-router';

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
  /** Shorthand for state === 'up'. */
  up: boolean;
  state: ServerState;
  /** What the balancer believes: the health checks' verdict, or the truth when there are no checks. */
  checkedHealthy: boolean;
  /** Ejected by outlier detection (overload model), and not put back by panic. */
  ejected: boolean;
  inService: number;
  queued: number;
  /** Requests in service or queued, plus long-lived connections. */
  openConnections: number;
  capacity: number;
  weight: number;
  /** Requests routed to it since the previous step. */
  routed: number;
  /** Requests and connections it has finished since the start, warm-up included. */
  served: number;
}

/** Where a run stands after a step: cheap to build, so a UI can take one per frame without keeping every request. */
export interface Snapshot {
  nowMs: number;
  done: boolean;
  /** Requests sent so far, warm-up included. */
  sent: number;
  /** What finished since the previous step. */
  window: WindowSummary;
  servers: ServerSnapshot[];
}

export interface StepOptions {
  /**
   * Report the window so far but keep it open, so one chart point can span many animation
   * frames: enough requests for a meaningful p99, however short each frame is.
   */
  keepWindow?: boolean;
}

/** Hooks for watching a run. */
export interface SimulationOptions {
  onRoute?: (decision: RouteDecision) => void;
  /**
   * Balances with this instead of `scenario.algorithm`: the capstone races a learner's pick
   * function on the same traffic. It gets the balancer's own seeded stream, so the requests stay
   * identical to a built-in's run.
   */
  balancer?: (random: Random) => Balancer;
}

/** A run that advances on demand: what a Web Worker drives to stream snapshots to the page. */
export interface Simulation {
  /** Processes every event up to and including `untilMs` (Infinity runs to the end). */
  step(untilMs: number, options?: StepOptions): Snapshot;
  /**
   * Applies `command` at the current simulated time; false when it changed nothing: the server
   * does not exist, is already in that state, or is not running (a booting server cannot crash).
   * An unknown server is ignored rather than thrown on, so a replayed log can never break a run;
   * an invalid `add-server` spec is a caller's bug and throws a RangeError.
   */
  command(command: PoolCommand): boolean;
  /** True once every request has arrived and left. */
  readonly done: boolean;
  /** Metrics of the measured requests so far. */
  metrics(): MetricsSummary;
}

const ARRIVAL: SimEvent = { kind: 'arrival' };

/**
 * A discrete-event simulation of one scenario. Arrivals, client choice, request cost and the
 * balancer each draw from their own seeded stream, so switching algorithm leaves the traffic
 * itself unchanged: two algorithms are compared on exactly the same requests. Streams for newer
 * features are drawn after those four, so adding a feature never changes a run that does not use it.
 *
 * Long-lived connections (WebSockets) are modelled as open sockets, not work: one holds no worker
 * (capacity) and never queues, but it counts as an active connection, which is what least
 * connections balances on, until it closes after its exponential lifetime. That is enough for the
 * lesson: round robin hands every server the same number of new connections, so when lifetimes
 * vary widely, or a server joins after the others have filled up, open connections pile unevenly,
 * while least connections steers new ones to the emptiest server.
 */
export function createSimulation(scenario: ValidScenario, options: SimulationOptions = {}): Simulation {
  const seeds = seededRandom(scenario.seed);
  const nextSeed = () => Math.floor(seeds() * 2 ** 32);
  const nextArrival = createArrivalClock(scenario.arrivals, seededRandom(nextSeed()));
  const drawCost = createCostSampler(scenario.cost, seededRandom(nextSeed()));
  const clientRandom = seededRandom(nextSeed());
  const balancerRandom = seededRandom(nextSeed());
  const balancer = options.balancer ? options.balancer(balancerRandom) : createBalancer(scenario.algorithm, balancerRandom);
  const longLivedRandom = seededRandom(nextSeed());
  const mobileRandom = seededRandom(nextSeed());

  const clientSpec: ClientSpec = scenario.clients ?? DEFAULT_CLIENTS;
  const clients = createClientPool(clientSpec);
  const clientCount = clientSpec.count;
  const mobile =
    clientSpec.mobileShare && clientSpec.addressChangeEveryMs ? new MobileAddresses(clientCount, clientSpec.mobileShare, clientSpec.addressChangeEveryMs, mobileRandom) : undefined;
  const servers: SimServer[] = [];
  const views: BackendView[] = [];
  const indexById = new Map<BackendId, number>();
  const metrics = new SimMetrics([]);
  const stepWindow = new StepWindow();
  const remap = new RemapTracker(clientCount);
  const sticky = scenario.stickiness && new StickyRouter(balancer, scenario.stickiness.redispatch, clientCount, (id) => indexById.get(id));
  // Drawn last and only when used, so every run without a balancer tier keeps its streams.
  const frontDoor = scenario.balancerTier && createFrontDoor(scenario.balancerTier.redundancy, scenario.balancerTier.failures, clientCount, seededRandom(nextSeed()));
  const sessions = scenario.sessions?.store === 'server' ? new ServerMemorySessions(clientCount) : undefined;
  const lookupMs = scenario.sessions?.lookupMs ?? 0;
  const longLived = scenario.cost.longLived;
  const events = new EventQueue<SimEvent>();
  const maxRequests = scenario.requests ?? Infinity;
  const endMs = scenario.durationMs ?? Infinity;
  const warmup = scenario.warmupRequests ?? 0;
  let now = 0;
  let sent = 0;
  /**
   * Queued checks, boots and scaling evaluations: they tick alongside the run but do not keep it
   * going, so the run is done when only they are left. Counting these rare events, rather than the
   * arrivals and completions, keeps the hot path to a bare push.
   */
  let background = 0;
  const pending = () => events.size - background;
  const overload = scenario.overload;
  /** Created once the pool exists, from the last seeded stream, so runs without overload keep theirs. */
  let flow: CallFlow | undefined;

  const scheduleBackground = (at: number, event: BackgroundEvent) => {
    background += 1;
    events.push(at, event);
  };
  const control = new PoolControl({
    servers,
    views,
    indexById,
    metrics,
    stepWindow,
    remap,
    checker: scenario.healthCheck && new HealthChecker(scenario.healthCheck),
    autoscaling: scenario.autoscaling,
    maxConnPerServer: overload?.maxConnPerServer,
    deregistrationDelayMs: scenario.deregistrationDelayMs,
    now: () => now,
    schedule: scheduleBackground,
    crashed: (index) => flow?.crashed(index),
  });

  const scheduleArrival = () => {
    if (sent >= maxRequests) return;
    const at = nextArrival();
    if (at <= endMs) events.push(at, ARRIVAL);
  };

  /** Puts `request` on a worker of `server`; `inService` already counts that worker. */
  const serve = (index: number, server: SimServer, request: HeldRequest) => {
    if (request.measured) server.measuredInService += 1;
    if (request.attempt !== undefined) request.attempt.serving = true;
    events.push(now + server.serviceMs(request, now), { kind: 'completion', server: index, epoch: server.epoch, request, startedAt: now });
  };

  const drop = (index: number | undefined, measured: boolean) => {
    stepWindow.dropped += 1;
    if (measured) metrics.recordDropped(index);
  };

  const arrive = () => {
    const measured = sent >= warmup;
    const request: HeldRequest = { arrivedAt: now, measured, costMs: drawCost() + lookupMs, attempt: undefined };
    const client = randomIndex(clientRandom, clientCount);
    const clientIp = mobile === undefined ? clients.addresses[client]! : mobileAddress(client);
    const sessionKey = clients.sessionKeys[client]!;
    sent += 1;
    scheduleArrival();
    if (frontDoor !== undefined && !frontDoor.admit(client, now)) return unreachable(measured);
    if (flow !== undefined) return startCall(client, request);

    const pickRequest = { clientIp, key: sessionKey, nowMs: now };
    const id = layer7 !== undefined ? layer7.pick(pickRequest) : sticky === undefined ? balancer.pick(views, pickRequest) : sticky.pick(views, client, pickRequest);
    options.onRoute?.({ request: sent, atMs: now, clientIp, sessionKey, server: id });
    if (measured) metrics.recordArrival();
    const index = id === undefined ? undefined : indexById.get(id);
    if (index === undefined) return drop(undefined, measured);
    const server = servers[index]!;
    server.routedInWindow += 1;
    // Rare paths live in their own functions, so the balancer's pick still fits V8's inlining budget here.
    if (server.running) admit(index, client, request);
    else refused(index, client, request, clientIp, sessionKey);
  };

  /** The client's balancer was down: the request dies before any balancer or server sees it. */
  const unreachable = (measured: boolean) => {
    stepWindow.failed += 1;
    if (!measured) return;
    metrics.recordArrival();
    metrics.recordUnreachable();
  };

  const mobileAddress = (client: number) => mobile?.addressAt(client, now) ?? clients.addresses[client]!;

  /** Crashed, but the checks have not noticed: the connection is refused. Only a sticky balancer with redispatch tries elsewhere. */
  const refused = (index: number, client: number, request: HeldRequest, clientIp: string, sessionKey: string) => {
    const retry = sticky?.afterRefusal(views, client, servers[index]!.view.id, { clientIp, key: sessionKey });
    const retryIndex = retry === undefined ? undefined : indexById.get(retry);
    if (retryIndex === undefined || !servers[retryIndex]!.running) {
      remap.record(client, index);
      stepWindow.failed += 1;
      if (request.measured) metrics.recordFailed(index, 1);
      return;
    }
    servers[retryIndex]!.routedInWindow += 1;
    admit(retryIndex, client, request);
  };

  /** A running server takes the request: into service, into its queue, or as a long-lived connection; or drops it when full. */
  const admit = (index: number, client: number, request: HeldRequest) => {
    const server = servers[index]!;
    const { measured } = request;
    remap.record(client, index);
    if (server.held >= server.limit) return drop(index, measured);
    if (sessions !== undefined) visitSession(client, index, measured);
    // Admission is the only moment a server's connection count rises.
    if (server.held + server.open >= server.peakOpen) server.peakOpen = server.held + server.open + 1;
    if (longLived !== undefined && longLivedRandom() < longLived.share) openConnection(index, measured);
    else if (server.inService < server.capacity) {
      server.markBusy(now);
      server.inService += 1;
      serve(index, server, request);
    }
    else {
      server.waiting.push(request);
      if (measured) metrics.recordQueueLength(index, server.waiting.length);
    }
    server.refresh();
  };

  const visitSession = (client: number, index: number, measured: boolean) => {
    if (!sessions?.visit(client, index, servers[index]!.epoch)) return;
    stepWindow.sessionsLost += 1;
    if (measured) metrics.recordSessionLost();
  };

  const openConnection = (index: number, measured: boolean) => {
    const server = servers[index]!;
    server.open += 1;
    if (measured) server.measuredOpen += 1;
    events.push(now + exponential(longLivedRandom, longLived!.meanMs), { kind: 'close', server: index, epoch: server.epoch, measured });
  };

  const complete = (event: Extract<SimEvent, { kind: 'completion' }>) => {
    const server = servers[event.server]!;
    // Completions scheduled before a crash belong to requests the crash already counted as failed.
    if (event.epoch !== server.epoch) return;
    const { request } = event;
    if (request.attempt !== undefined) return completeTry(event.server, server, request);
    server.served += 1;
    const latency = now - request.arrivedAt;
    const slot = latencySlot(latency);
    stepWindow.served += 1;
    stepWindow.latency.recordInSlot(slot, latency);
    if (request.measured) {
      server.measuredInService -= 1;
      metrics.recordServed(event.server, latency, event.startedAt - request.arrivedAt, slot);
    }
    if (learns) teach(server, latency);
    const next = server.waiting.shift();
    // The next request in line takes the freed worker, so inService (and busy time) carry on unchanged.
    if (next) serve(event.server, server, next);
    else {
      server.markBusy(now);
      server.inService -= 1;
      server.finishDrain(now);
    }
    server.refresh();
  };

  /** Latency feedback for balancers that learn from it (peak EWMA); the others never pay for it. */
  const teach = (server: SimServer, latencyMs: number) => {
    const completion = { backend: server.view.id, latencyMs, nowMs: now };
    if (layer7 !== undefined) layer7.onComplete(completion);
    else balancer.onComplete?.(completion);
  };

  // The overload model (overload/call-flow.ts): the call flow decides about tries; these functions
  // are its hands on the pool, the balancer and the counters.
  const startCall = (client: number, request: HeldRequest) => {
    if (request.measured) metrics.recordArrival();
    flow!.start(client, request.measured, request.costMs);
  };

  const pickFor = (call: Call, excluded: ReadonlySet<number>): number | undefined => {
    const client = call.client;
    const clientIp = mobile === undefined ? clients.addresses[client]! : mobileAddress(client);
    const key = clients.sessionKeys[client]!;
    health?.rampWeights(now);
    // nginx marks tried peers so the pick skips them; hiding them from the views does the same for every algorithm.
    for (const index of excluded) views[index]!.usable = false;
    const id =
      layer7 !== undefined ? layer7.pick({ clientIp, key }) : sticky === undefined ? balancer.pick(views, { clientIp, key }) : sticky.pick(views, client, { clientIp, key });
    for (const index of excluded) servers[index]!.refresh();
    options.onRoute?.({ request: sent, atMs: now, clientIp, sessionKey: key, server: id });
    const index = id === undefined ? undefined : indexById.get(id);
    // All busy at maxconn is a wait in the queue, not nginx's 502; only an empty rotation is.
    if (index === undefined && call.measured && !servers.some((server) => server.inRotation)) metrics.recordDropped(undefined);
    return index;
  };

  const sendTry = (index: number, request: HeldRequest): boolean => {
    const server = servers[index]!;
    server.routedInWindow += 1;
    const client = request.attempt!.call.client;
    if (!server.running) {
      remap.record(client, index);
      if (request.measured) metrics.recordFailed(index, 1);
      return false;
    }
    if (server.held >= server.limit) {
      if (request.measured) metrics.recordDropped(index);
      return false;
    }
    const factor = server.coldStartFactor(now);
    if (factor !== 1) request.costMs *= factor;
    admit(index, client, request);
    return true;
  };

  /** A server finished a try: it counts as throughput at the server, and the call flow decides what it was worth. */
  const completeTry = (index: number, server: SimServer, request: HeldRequest) => {
    if (request.cancelled) return;
    server.served += 1;
    if (request.measured) {
      server.measuredInService -= 1;
      metrics.recordClosed(index);
    }
    if (learns) teach(server, now - request.arrivedAt);
    freeWorker(index, server);
    flow!.finished(index, request);
  };

  /** The worker that held a finished or cancelled try takes the next in the server's own queue, skipping cancelled copies. */
  const freeWorker = (index: number, server: SimServer) => {
    let next = server.waiting.shift();
    while (next?.cancelled) next = server.waiting.shift();
    if (next) serve(index, server, next);
    else {
      server.markBusy(now);
      server.inService -= 1;
      server.finishDrain(now);
    }
    server.refresh();
  };

  /** A hedge's losing copy is cancelled: gRPC cancellation reaches the server, which drops it or stops working on it. */
  const cancelTry = (index: number, request: HeldRequest) => {
    const server = servers[index]!;
    request.cancelled = true;
    if (!request.attempt!.serving) return;
    if (request.measured) server.measuredInService -= 1;
    freeWorker(index, server);
  };

  const close = (event: Extract<SimEvent, { kind: 'close' }>) => {
    const server = servers[event.server]!;
    if (event.epoch !== server.epoch) return;
    server.open -= 1;
    server.served += 1;
    stepWindow.served += 1;
    if (event.measured) {
      server.measuredOpen -= 1;
      metrics.recordClosed(event.server);
    }
    server.finishDrain(now);
    server.refresh();
  };

  for (const spec of scenario.servers) control.add(spec);
  // After the initial servers exist, since each target group holds their views; drawn last and only when used, like the balancer tier.
  const layer7 = scenario.layer7 && new Layer7Router(scenario.layer7, views, scenario.algorithm, seededRandom(nextSeed()));
  const learns = layer7 ? layer7.learns : balancer.onComplete !== undefined;
  const health = overload && (overload.outlierDetection || overload.slowStart) ? new HostHealth(overload, servers, scenario.servers.length, now) : undefined;
  if (health?.nextSweepAt !== undefined) scheduleBackground(health.nextSweepAt, { kind: 'outlier-sweep' });
  if (overload) {
    flow = new CallFlow(
      overload,
      {
        now: () => now,
        schedule: (at, event) => events.push(at, event),
        pick: pickFor,
        anyInRotation: () => servers.some((server) => server.inRotation),
        usable: (index) => servers[index]!.view.usable,
        usableCount: (excluded) => servers.reduce((count, server, index) => count + (server.view.usable && !excluded.has(index) ? 1 : 0), 0),
        send: sendTry,
        cancel: cancelTry,
        drawCost: () => drawCost() + lookupMs,
        errorShare: (index) => servers[index]!.spec.errorShare ?? 0,
        health,
        answered: (call, latencyMs) => {
          stepWindow.served += 1;
          stepWindow.latency.record(latencyMs);
          if (call.measured) metrics.recordAnswered(latencyMs);
        },
        failed: () => void (stepWindow.failed += 1),
      },
      seededRandom(nextSeed()),
    );
  }
  servers.forEach((_, index) => control.join(index, true));
  for (const failure of scenario.failures ?? []) events.push(failure.atMs, { kind: 'command', command: { kind: failure.kind, server: failure.server } });
  for (const { atMs, ...command } of scenario.changes ?? []) events.push(atMs, { kind: 'command', command });
  if (scenario.autoscaling) scheduleBackground(scenario.autoscaling.evaluationIntervalMs, { kind: 'scale' });
  scheduleArrival();

  const snapshotOf = (server: SimServer): ServerSnapshot => {
    const routed = server.routedInWindow;
    server.routedInWindow = 0;
    return {
      id: server.view.id,
      up: server.state === 'up',
      state: server.state,
      checkedHealthy: server.checkedHealthy,
      ejected: server.ejected,
      inService: server.inService,
      queued: server.waiting.length,
      openConnections: server.held + server.open,
      capacity: server.capacity,
      weight: server.view.weight,
      routed,
      served: server.served,
    };
  };

  return {
    step(untilMs, options) {
      while (events.size > background && events.peekTime() <= untilMs) {
        now = events.peekTime();
        const event = events.pop()!;
        switch (event.kind) {
          case 'arrival':
            arrive();
            break;
          case 'completion':
            complete(event);
            break;
          case 'close':
            close(event);
            break;
          case 'command':
            control.apply(event.command);
            break;
          case 'check':
            background -= 1;
            control.check(event.server);
            break;
          case 'check-done':
            background -= 1;
            control.checkDone(event.server, event.run);
            break;
          case 'boot':
            background -= 1;
            control.booted(event.server, event.epoch);
            break;
          case 'scale':
            background -= 1;
            control.evaluateScaling();
            break;
          case 'drain-deadline':
            background -= 1;
            control.drainDeadline(event.server, event.epoch);
            break;
          case 'outlier-sweep':
            background -= 1;
            health!.sweep(now);
            scheduleBackground(health!.nextSweepAt!, { kind: 'outlier-sweep' });
            break;
          default:
            flow!.handle(event);
        }
      }
      if (pending() > 0) now = Math.max(now, untilMs);
      return { nowMs: now, done: pending() === 0, sent, window: options?.keepWindow ? stepWindow.peek(now) : stepWindow.take(now), servers: servers.map(snapshotOf) };
    },
    command: (command) => control.apply(parseOrThrow(poolCommandSchema, command, 'command')),
    get done() {
      return pending() === 0;
    },
    metrics: () =>
      metrics.summary(
        now,
        servers.map((server) => ({
          state: server.state,
          openConnections: server.held + server.open,
          peakOpenConnections: server.peakOpen,
          utilisation: server.utilisation(now),
        })),
        remap.share,
        flow?.metrics.summary(now, health?.counts),
      ),
  };
}

/** Runs a scenario to the end and returns its metrics (lb-algorithms.md §10 gives the queueing results to expect). */
export function runSimulation(scenario: ValidScenario, options: SimulationOptions = {}): MetricsSummary {
  const simulation = createSimulation(scenario, options);
  simulation.step(Infinity);
  return simulation.metrics();
}
