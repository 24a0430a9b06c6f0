import type { BackendId, BackendView } from '@/lib/balancers/types';
import type { CheckRun } from '@/lib/health/active-check';
import { mustCloseBy, serving, startDraining } from '@/lib/health/draining';
import { decideScaling } from './autoscaler';
import type { HealthChecker } from './health-checker';
import type { SimMetrics } from './metrics';
import type { RemapTracker } from './remap-tracker';
import type { AutoscalingSpec, PoolCommand, ServerSpec } from './scenario';
import { SimServer } from './server';
import type { BackgroundEvent } from './sim-event';
import type { StepWindow } from './step-window';

/** What pool control shares with the request flow of one simulation. */
export interface PoolContext {
  readonly servers: SimServer[];
  /** The balancer's view of every server, in index order; it grows as servers are added. */
  readonly views: BackendView[];
  readonly indexById: Map<BackendId, number>;
  readonly metrics: SimMetrics;
  readonly stepWindow: StepWindow;
  readonly remap: RemapTracker;
  readonly checker: HealthChecker | undefined;
  readonly autoscaling: AutoscalingSpec | undefined;
  /** ALB deregistration delay for a removed server, if the scenario sets one. */
  readonly deregistrationDelayMs: number | undefined;
  /** HAProxy `maxconn` on every server, when the scenario models overload. */
  readonly maxConnPerServer: number | undefined;
  now(): number;
  schedule(at: number, event: BackgroundEvent): void;
  /** Server `index` crashed: the requests it held are reset. */
  crashed?(index: number): void;
}

/**
 * Everything that changes the pool rather than serves a request: the lab's commands, health
 * checks on the simulated clock, and the autoscaler. Without health checks the balancer learns
 * of a crash or a recovery at once; with them, only through check results.
 */
export class PoolControl {
  private lastScalingMs = -Infinity;
  private readonly busyAtLastEvaluation: number[] = [];

  constructor(private readonly pool: PoolContext) {}

  /** Applies a command now; false when it changed nothing. */
  apply(command: PoolCommand): boolean {
    switch (command.kind) {
      case 'crash':
        return this.crash(command.server);
      case 'recover':
        return this.recover(command.server);
      case 'remove-server':
        return this.remove(command.server);
      case 'add-server':
        this.join(this.add(command.spec), false);
        return true;
    }
  }

  /** Creates a server at the next index, out of rotation; with `bootMs` it joins by itself once booted. */
  add(spec: ServerSpec, bootMs?: number): number {
    const { servers, views, indexById, metrics } = this.pool;
    const index = servers.length;
    const server = new SimServer(index, spec, this.pool.now(), this.pool.maxConnPerServer);
    servers.push(server);
    views.push(server.view);
    indexById.set(server.view.id, index);
    metrics.addServer(server.view);
    if (bootMs !== undefined) this.pool.schedule(this.pool.now() + bootMs, { kind: 'boot', server: index, epoch: server.epoch });
    return index;
  }

  /** Server `index` starts running: in rotation at once without checks, else once a check has passed (from the start: one failure from DOWN, as HAProxy). */
  join(index: number, fromTheStart: boolean): void {
    const { servers, checker } = this.pool;
    const server = servers[index]!;
    const now = this.pool.now();
    server.moveTo('up', now);
    if (checker) {
      server.checkedHealthy = checker.register(index, fromTheStart);
      this.pool.schedule(fromTheStart ? checker.firstCheckAt(index, servers.length) : now + checker.config.intervalMs, { kind: 'check', server: index });
    } else server.checkedHealthy = true;
    this.changedRotation(server);
  }

  /** An autoscaled server finished booting, unless it was removed meanwhile. */
  booted(index: number, epoch: number): void {
    const server = this.pool.servers[index]!;
    if (server.epoch === epoch && server.state === 'starting') this.join(index, false);
  }

  /** Starts a check of server `index`; its verdict lands when the reply (or the timeout) does. */
  check(index: number): void {
    const server = this.pool.servers[index]!;
    if (!this.pool.checker || server.state === 'removed') return;
    const run = this.pool.checker.run(index, this.pool.now(), server.running);
    this.pool.schedule(run.finishedAt, { kind: 'check-done', server: index, run });
  }

  checkDone(index: number, run: CheckRun): void {
    const server = this.pool.servers[index]!;
    if (!this.pool.checker || server.state === 'removed') return;
    this.pool.checker.apply(index, run);
    server.checkedHealthy = run.state.up;
    this.changedRotation(server);
    this.pool.schedule(run.nextCheckAt, { kind: 'check', server: index });
  }

  /** One autoscaling evaluation over the interval just ended (the policy is in autoscaler.ts). */
  evaluateScaling(): void {
    const { servers, autoscaling } = this.pool;
    if (!autoscaling) return;
    const now = this.pool.now();
    let busy = 0;
    let capacity = 0;
    let inRotation = 0;
    let groupSize = 0;
    let joining = 0;
    servers.forEach((server, index) => {
      const busyMs = server.busyMs(now);
      if (server.state === 'up' && server.inRotation) {
        busy += busyMs - (this.busyAtLastEvaluation[index] ?? 0);
        capacity += server.capacity;
        inRotation += 1;
      }
      this.busyAtLastEvaluation[index] = busyMs;
      if (server.state === 'up' || server.state === 'down' || server.state === 'starting') groupSize += 1;
      if (server.state === 'starting' || (server.state === 'up' && !server.checkedHealthy)) joining += 1;
    });
    const utilisation = capacity === 0 ? Number.NaN : busy / (capacity * autoscaling.evaluationIntervalMs);
    const decision = decideScaling({ nowMs: now, utilisation, inRotation, groupSize, joining, lastActionMs: this.lastScalingMs }, autoscaling);
    if (decision === 'scale-out') this.add(autoscaling.template, autoscaling.provisioningMs);
    // The newest server in service goes first: it holds the fewest long-standing sessions and connections.
    if (decision === 'scale-in') this.remove(servers.findLastIndex((server) => server.state === 'up' && server.inRotation));
    if (decision !== 'hold') this.lastScalingMs = now;
    this.pool.schedule(now + autoscaling.evaluationIntervalMs, { kind: 'scale' });
  }

  private crash(index: number): boolean {
    if (!this.pool.servers[index]?.running) return false;
    this.loseWhatItHolds(index);
    return true;
  }

  /** A draining server whose deregistration delay ran out: what it still holds is cut off, and it is gone (ALB). */
  drainDeadline(index: number, epoch: number): void {
    const server = this.pool.servers[index]!;
    if (server.state === 'draining' && server.epoch === epoch) this.loseWhatItHolds(index);
  }

  /** Everything the server holds fails: a crash, or a drain cut off. */
  private loseWhatItHolds(index: number): void {
    const { servers, stepWindow, metrics } = this.pool;
    const server = servers[index]!;
    const waiting = server.waiting.drain();
    stepWindow.failed += server.inService + waiting.length + server.open;
    metrics.recordFailed(index, server.measuredInService + waiting.filter((held) => held.measured).length + server.measuredOpen);
    server.loseEverything(this.pool.now());
    this.pool.crashed?.(index);
    if (!this.pool.checker) server.checkedHealthy = false;
    this.changedRotation(server);
  }

  private recover(index: number): boolean {
    const server = this.pool.servers[index];
    if (server?.state !== 'down') return false;
    server.moveTo('up', this.pool.now());
    if (!this.pool.checker) server.checkedHealthy = true;
    this.changedRotation(server);
    return true;
  }

  /** Connection draining: a running server stops taking requests and leaves once it holds none; any other is gone at once. */
  private remove(index: number): boolean {
    const server = this.pool.servers[index];
    if (!server || server.state === 'draining' || server.state === 'removed') return false;
    // A later boot event for this server must find it gone.
    if (server.state === 'starting') server.epoch += 1;
    const now = this.pool.now();
    const delay = this.pool.deregistrationDelayMs;
    if (server.state === 'up' && delay !== undefined) {
      const closeBy = mustCloseBy(startDraining(serving(server.held + server.open), now, delay));
      if (closeBy !== undefined) this.pool.schedule(closeBy, { kind: 'drain-deadline', server: index, epoch: server.epoch });
    }
    server.moveTo(server.state === 'up' ? 'draining' : 'removed', now);
    this.changedRotation(server);
    server.finishDrain(now);
    return true;
  }

  private changedRotation(server: SimServer): void {
    if (!server.updateRotation()) return;
    server.inRotationSince = server.inRotation ? this.pool.now() : undefined;
    this.pool.remap.poolChanged();
  }
}
