import { describe, expect, it } from 'vitest';
import { defineScenario } from '@/lib/sim/scenario';
import { createSimulation } from '@/lib/sim/simulator';

/** Two servers holding WebSockets that stay open for minutes; server a is removed at 10 s. */
const drainingWebSockets = (deregistrationDelayMs?: number) =>
  createSimulation(
    defineScenario({
      seed: 5,
      algorithm: 'round-robin',
      servers: [
        { weight: 1, capacity: 8 },
        { weight: 1, capacity: 8 },
      ],
      arrivals: { pattern: 'poisson', ratePerSecond: 20 },
      cost: { distribution: 'exponential', meanMs: 5, longLived: { share: 1, meanMs: 600_000 } },
      durationMs: 30_000,
      changes: [{ atMs: 10_000, kind: 'remove-server', server: 0 }],
      ...(deregistrationDelayMs === undefined ? {} : { deregistrationDelayMs }),
    }),
  );

describe('the ALB deregistration delay (lib/health/draining.ts)', () => {
  it('cuts off what a draining server still holds once the delay is up, and the server is gone', () => {
    const simulation = drainingWebSockets(5_000);
    expect(simulation.step(14_000).servers[0]!.state).toBe('draining');
    const after = simulation.step(15_001);
    expect(after.servers[0]!.state).toBe('removed');
    expect(after.servers[0]!.openConnections).toBe(0);
    expect(simulation.metrics().servers[0]!.failed).toBeGreaterThan(50);
  });

  it('without a delay, lets a drain wait for the last connection', () => {
    const simulation = drainingWebSockets();
    expect(simulation.step(25_000).servers[0]!.state).toBe('draining');
    expect(simulation.metrics().servers[0]!.failed).toBe(0);
  });
});
