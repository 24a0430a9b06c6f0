import type { Scenario } from '@/lib/sim/scenario';
import { serverName } from '@/lib/sim/server';
import type { LabCommand, TimedCommand } from './lab-state';

/** A recorded command the new settings cannot take, with the reason in the learner's words. */
export interface DroppedCommand {
  command: TimedCommand;
  reason: string;
}

export interface CarriedCommands {
  kept: TimedCommand[];
  dropped: DroppedCommand[];
}

/** What decides which servers exist when: the pool's part of a scenario. */
type PoolSettings = Pick<Scenario, 'servers' | 'changes' | 'durationMs'>;

const VERBS: Record<LabCommand['kind'], string> = { crash: 'kill', recover: 'revive', 'remove-server': 'remove', 'add-server': 'add a server' };
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** Who a server is, independent of its index: an initial one, one a scheduled change added, or one the learner added. */
type ServerOrigin = `initial ${number}` | `scheduled ${number}` | `added ${number}`;

/** The servers of one run in index order, grown as scheduled adds and the learner's adds happen. */
class PoolTimeline {
  readonly origins: ServerOrigin[];
  private readonly scheduledAdds: number[];
  private nextScheduled = 0;

  constructor(settings: PoolSettings) {
    this.origins = settings.servers.map((_, index) => `initial ${index}` as const);
    this.scheduledAdds = (settings.changes ?? []).flatMap((change) => (change.kind === 'add-server' ? [change.atMs] : [])).sort((a, b) => a - b);
  }

  /** Scheduled adds up to and including `atMs` come first: the replay steps to a command's time before applying it. */
  advanceTo(atMs: number): void {
    while (this.nextScheduled < this.scheduledAdds.length && this.scheduledAdds[this.nextScheduled]! <= atMs) this.origins.push(`scheduled ${this.nextScheduled++}`);
  }

  indexOf(origin: ServerOrigin): number | undefined {
    const index = this.origins.indexOf(origin);
    return index < 0 ? undefined : index;
  }
}

/**
 * The learner's commands, recorded on `from`, as they apply to `to`. Commands name servers by
 * index, so each is followed to the same server in the new pool (a server the learner added may
 * land at another index); one whose server the new settings lack, or that comes after the new run
 * stops sending, is dropped with a reason. A server the timeline cannot place (an autoscaled one)
 * keeps its index: the simulator ignores a server it does not have.
 */
export function carryCommands(commands: readonly TimedCommand[], from: PoolSettings, to: PoolSettings): CarriedCommands {
  const before = new PoolTimeline(from);
  const after = new PoolTimeline(to);
  const carried: CarriedCommands = { kept: [], dropped: [] };
  let adds = 0;

  for (const timed of commands) {
    const { atMs, command } = timed;
    const drop = (why: string) => carried.dropped.push({ command: timed, reason: `${VERBS[command.kind]}${command.kind === 'add-server' ? '' : ` server ${serverName(command.server)}`} at ${seconds(atMs)}: ${why}` });
    if (to.durationMs !== undefined && atMs > to.durationMs) {
      drop(`the new run stops sending at ${seconds(to.durationMs)}`);
      continue;
    }
    before.advanceTo(atMs);
    after.advanceTo(atMs);
    if (command.kind === 'add-server') {
      before.origins.push(`added ${adds}`);
      after.origins.push(`added ${adds++}`);
      carried.kept.push(timed);
      continue;
    }
    const origin = before.origins[command.server];
    if (origin === undefined) {
      carried.kept.push(timed);
      continue;
    }
    const server = after.indexOf(origin);
    if (server === undefined) drop(origin.startsWith('initial') ? `the new settings have ${to.servers.length} servers` : 'the new settings do not add that server');
    else carried.kept.push(server === command.server ? timed : { atMs, command: { ...command, server } });
  }
  return carried;
}
