import { describe, expect, it } from 'vitest';
import { carryCommands } from '@/lib/lab/carry-commands';
import type { TimedCommand } from '@/lib/lab/lab-state';
import { defineScenario, type Scenario } from '@/lib/sim/scenario';

const base: Scenario = {
  seed: 1,
  algorithm: 'round-robin',
  servers: Array.from({ length: 5 }, () => ({ weight: 1, capacity: 8 })),
  arrivals: { pattern: 'poisson', ratePerSecond: 100 },
  cost: { distribution: 'exponential', meanMs: 20 },
  durationMs: 60_000,
};
const withServers = (count: number, extra: Partial<Scenario> = {}) => defineScenario({ ...base, ...extra, servers: Array.from({ length: count }, () => ({ weight: 1, capacity: 8 })) });
const spec = { weight: 1, capacity: 8 };

describe('carryCommands', () => {
  it('keeps every command when only the algorithm changes', () => {
    const commands: TimedCommand[] = [
      { atMs: 12_000, command: { kind: 'crash', server: 1 } },
      { atMs: 20_000, command: { kind: 'recover', server: 1 } },
      { atMs: 30_000, command: { kind: 'remove-server', server: 4 } },
    ];
    const carried = carryCommands(commands, withServers(5), withServers(5, { algorithm: 'least-connections' }));
    expect(carried).toEqual({ kept: commands, dropped: [] });
  });

  it('drops a command on a server the new settings no longer have, and says why', () => {
    const commands: TimedCommand[] = [
      { atMs: 2_000, command: { kind: 'crash', server: 0 } },
      { atMs: 12_000, command: { kind: 'crash', server: 4 } },
      { atMs: 15_500, command: { kind: 'recover', server: 4 } },
    ];
    const carried = carryCommands(commands, withServers(5), withServers(4));
    expect(carried.kept).toEqual([commands[0]]);
    expect(carried.dropped.map((entry) => entry.reason)).toEqual(['kill server e at 12 s: the new settings have 4 servers', 'revive server e at 15.5 s: the new settings have 4 servers']);
    expect(carried.dropped[0]!.command).toEqual(commands[1]);
  });

  it('follows a server the learner added to its new index when the pool grows', () => {
    const commands: TimedCommand[] = [
      { atMs: 5_000, command: { kind: 'add-server', spec } },
      { atMs: 9_000, command: { kind: 'crash', server: 5 } },
    ];
    const carried = carryCommands(commands, withServers(5), withServers(7));
    expect(carried.dropped).toEqual([]);
    expect(carried.kept).toEqual([commands[0], { atMs: 9_000, command: { kind: 'crash', server: 7 } }]);
  });

  it('follows an added server to a lower index when the pool shrinks', () => {
    const commands: TimedCommand[] = [
      { atMs: 5_000, command: { kind: 'add-server', spec } },
      { atMs: 9_000, command: { kind: 'remove-server', server: 5 } },
    ];
    const carried = carryCommands(commands, withServers(5), withServers(3));
    expect(carried.kept).toEqual([commands[0], { atMs: 9_000, command: { kind: 'remove-server', server: 3 } }]);
  });

  it('drops a command on a server a scheduled change added when the new settings do not add it', () => {
    const scheduled = { changes: [{ atMs: 1_000, kind: 'add-server' as const, spec }] };
    const commands: TimedCommand[] = [{ atMs: 4_000, command: { kind: 'crash', server: 5 } }];
    const carried = carryCommands(commands, withServers(5, scheduled), withServers(5));
    expect(carried.kept).toEqual([]);
    expect(carried.dropped.map((entry) => entry.reason)).toEqual(['kill server f at 4 s: the new settings do not add that server']);
  });

  it('drops a command later than the new run sends traffic', () => {
    const commands: TimedCommand[] = [{ atMs: 45_000, command: { kind: 'add-server', spec } }];
    const carried = carryCommands(commands, withServers(5), withServers(5, { durationMs: 30_000 }));
    expect(carried.dropped.map((entry) => entry.reason)).toEqual(['add a server at 45 s: the new run stops sending at 30 s']);
  });

  it('keeps a command on a server it cannot place (an autoscaled one) as it was: the simulator ignores a server it does not have', () => {
    const commands: TimedCommand[] = [{ atMs: 4_000, command: { kind: 'crash', server: 9 } }];
    expect(carryCommands(commands, withServers(5), withServers(5)).kept).toEqual(commands);
  });
});
