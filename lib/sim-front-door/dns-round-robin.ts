import { parseOrThrow } from '@/lib/sim/schema-kit';
import { dnsRoundRobinSchema } from './spec-schema';
import type { Random } from '@/lib/random/seeded';
import { randomIndex } from '@/lib/random/seeded';
import { assertClient } from './client-index';
import { balancersUp, BOTH_UP, isUp, livenessSteps } from './liveness';
import { route53VerdictSteps } from './route53-health';
import type { Step } from './step-timeline';
import { stepCursor, stepIndexAt } from './step-timeline';
import type { BalancerFailure, BalancerIndex, DnsRoundRobinSpec, FrontDoor } from './types';

/** Internet Explorer 4+ kept resolved addresses 30 minutes whatever the TTL (DnsCacheTimeout, Microsoft KB 263558). */
export const DEFAULT_PINNED_FOR_MS = 30 * 60_000;

const NO_ADDRESS = -1;

/** What DNS and the balancers look like at one moment. */
interface DnsSnapshot {
  upMask: number;
  /** Bit b set while DNS publishes balancer b's address. */
  publishedMask: number;
}

/** Balancers up and addresses published over time. With no healthy record Route 53 answers with all of them ("fails open"). */
function dnsTimeline(spec: DnsRoundRobinSpec, failures: readonly BalancerFailure[]): Step<DnsSnapshot>[] {
  const liveness = livenessSteps(failures);
  const verdicts = ([0, 1] as const).map((balancer) =>
    route53VerdictSteps(
      liveness.map(({ atMs, value }) => ({ atMs, value: isUp(value, balancer) })),
      spec.healthCheckIntervalMs,
      spec.failuresToRemove,
    ),
  );
  const moments = [...new Set([...liveness, ...verdicts.flat()].map((step) => step.atMs))].sort((a, b) => a - b);
  return moments.map((atMs) => {
    const healthyMask = verdicts.reduce((mask, steps, balancer) => mask | (Number(steps[stepIndexAt(steps, atMs)]!.value) << balancer), 0);
    return { atMs, value: { upMask: liveness[stepIndexAt(liveness, atMs)]!.value, publishedMask: healthyMask || BOTH_UP } };
  });
}

/** Exactly round(share × clientCount) clients, drawn by a seeded partial Fisher–Yates shuffle. */
function pinnedClients(clientCount: number, share: number, random: Random): Uint8Array {
  const pinned = new Uint8Array(clientCount);
  const count = Math.round(share * clientCount);
  if (count === 0) return pinned;
  const order = Uint32Array.from({ length: clientCount }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + randomIndex(random, clientCount - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
    pinned[order[i]!] = 1;
  }
  return pinned;
}

/**
 * Two balancers behind round-robin DNS with Route 53 health checks. Each client resolves on its
 * first request and again once its cached answer expires; answers alternate between the published
 * addresses and the client keeps the first one. A client whose cached balancer is down fails until
 * its cache expires, even after DNS has dropped the dead address (lb-algorithms.md has no section on
 * this; semantics from the Route 53 developer guide, multivalue answers and health checks).
 * Simplified: every client is its own resolver (no shared recursive cache counting the TTL down),
 * and it never falls back to the other address, which Route 53 notes client software often does.
 */
export function createDnsRoundRobinFrontDoor(spec: DnsRoundRobinSpec, failures: readonly BalancerFailure[], clientCount: number, random: Random): FrontDoor {
  parseOrThrow(dnsRoundRobinSchema, spec, 'redundancy');
  const timeline = dnsTimeline(spec, failures);
  const snapshotAt = stepCursor(timeline);
  const cached = new Int8Array(clientCount).fill(NO_ADDRESS);
  const expiresAt = new Float64Array(clientCount);
  const pinned = pinnedClients(clientCount, spec.ignoreTtlShare ?? 0, random);
  const pinnedForMs = spec.pinnedForMs ?? DEFAULT_PINNED_FOR_MS;
  const cachedBy: [number, number] = [0, 0];
  let nextAnswer: BalancerIndex = random() < 0.5 ? 0 : 1;

  const resolve = (client: number, nowMs: number, publishedMask: number) => {
    let answer: BalancerIndex;
    if (publishedMask === BOTH_UP) {
      answer = nextAnswer;
      nextAnswer = nextAnswer === 0 ? 1 : 0;
    } else answer = publishedMask === 0b01 ? 0 : 1;
    const previous = cached[client]!;
    if (previous !== NO_ADDRESS) cachedBy[previous as BalancerIndex]--;
    cachedBy[answer]++;
    cached[client] = answer;
    expiresAt[client] = nowMs + (pinned[client] ? pinnedForMs : spec.ttlMs);
  };

  return {
    admit(client, nowMs) {
      assertClient(client, clientCount);
      const { upMask, publishedMask } = snapshotAt(nowMs);
      if (cached[client] === NO_ADDRESS || nowMs >= expiresAt[client]!) resolve(client, nowMs, publishedMask);
      return ((upMask >> cached[client]!) & 1) === 1;
    },
    state(nowMs) {
      const { upMask, publishedMask } = timeline[stepIndexAt(timeline, nowMs)]!.value;
      return {
        mode: 'dns-round-robin',
        balancerUp: balancersUp(upMask, 2),
        published: ([0, 1] as const).filter((balancer) => isUp(publishedMask, balancer)),
        cachedBy: [cachedBy[0], cachedBy[1]],
      };
    },
  };
}
