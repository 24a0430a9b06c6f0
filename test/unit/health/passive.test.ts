import { describe, expect, it } from 'vitest';
import { backendId, type BackendId } from '@/lib/balancers/types';
import { NGINX_PASSIVE_DEFAULTS, createPassiveHealth, type PassiveHealth } from '@/lib/health/passive';

const [a, b, c] = ['a', 'b', 'c'].map(backendId) as [BackendId, BackendId, BackendId];

/** One failed request at `at` ms: the balancer picked the peer, then it failed. */
function failAt(health: PassiveHealth, id: BackendId, at: number): void {
  health.onPicked(id, at);
  health.onResult(id, false, at);
}

describe('nginx passive health: max_fails / fail_timeout', () => {
  it('ships nginx defaults: max_fails=1, fail_timeout=10s', () => {
    expect(NGINX_PASSIVE_DEFAULTS).toEqual({ maxFails: 1, failTimeoutMs: 10_000 });
  });

  it('takes a peer out after one failure and keeps it out through the whole second fail_timeout ends in', () => {
    const health = createPassiveHealth();
    failAt(health, a, 200);
    expect(health.isUsable(a, 300)).toBe(false);
    // checked = 0 s; excluded while now − checked ≤ 10 on whole seconds, so 10.999 s is still out.
    expect(health.isUsable(a, 10_999)).toBe(false);
    expect(health.isUsable(a, 11_000)).toBe(true);
  });

  it('lets one probe request through after fail_timeout, then holds the peer out until it answers', () => {
    const health = createPassiveHealth();
    failAt(health, a, 200);
    health.onPicked(a, 11_000);
    expect(health.isUsable(a, 11_100)).toBe(false);
  });

  it('brings the peer back when the probe succeeds', () => {
    const health = createPassiveHealth();
    failAt(health, a, 200);
    health.onPicked(a, 11_000);
    health.onResult(a, true, 11_300);
    expect(health.snapshot(a).fails).toBe(0);
    expect(health.isUsable(a, 11_400)).toBe(true);
  });

  it('keeps it out for another fail_timeout when the probe fails', () => {
    const health = createPassiveHealth();
    failAt(health, a, 200);
    failAt(health, a, 11_000);
    expect(health.isUsable(a, 21_999)).toBe(false);
    expect(health.isUsable(a, 22_000)).toBe(true);
  });

  it('counts max_fails failures before taking a peer out', () => {
    const health = createPassiveHealth({ maxFails: 3, failTimeoutMs: 30_000 });
    failAt(health, a, 1000);
    failAt(health, a, 2000);
    expect(health.isUsable(a, 2500)).toBe(true);
    failAt(health, a, 3000);
    expect(health.isUsable(a, 3500)).toBe(false);
  });

  it('does not forgive a failure for a success in the same fail_timeout window', () => {
    const health = createPassiveHealth({ maxFails: 2 });
    failAt(health, a, 1000);
    health.onPicked(a, 1500);
    health.onResult(a, true, 1500);
    expect(health.snapshot(a).fails).toBe(1);
    failAt(health, a, 2000);
    expect(health.isUsable(a, 2100)).toBe(false);
  });

  it('never takes a peer out when max_fails=0', () => {
    const health = createPassiveHealth({ maxFails: 0 });
    for (let t = 0; t < 5000; t += 100) failAt(health, a, t);
    expect(health.isUsable(a, 5000)).toBe(true);
    expect(health.effectiveWeight(a)).toBe(1);
  });

  it('uses per-peer settings over the shared ones', () => {
    const health = createPassiveHealth({ maxFails: 1, peers: [{ id: b, weight: 1, maxFails: 2 }] });
    failAt(health, a, 0);
    failAt(health, b, 0);
    expect([health.isUsable(a, 100), health.isUsable(b, 100)]).toEqual([false, true]);
  });

  it('rejects a fail_timeout that is not whole seconds, as nginx does', () => {
    expect(() => createPassiveHealth({ failTimeoutMs: 2500 })).toThrow(RangeError);
  });
});

describe('nginx passive health: effective_weight', () => {
  it('cuts effective weight by weight/max_fails on each failure and lets it climb back 1 per round', () => {
    const health = createPassiveHealth({ maxFails: 3, peers: [{ id: a, weight: 10 }] });
    failAt(health, a, 0);
    expect(health.effectiveWeight(a)).toBe(7);
    expect([health.weighForRound(a), health.weighForRound(a), health.weighForRound(a)]).toEqual([7, 8, 9]);
    expect(health.effectiveWeight(a)).toBe(10);
    expect(health.weighForRound(a)).toBe(10);
  });

  it('never lets effective weight go below 0', () => {
    const health = createPassiveHealth({ maxFails: 2, peers: [{ id: a, weight: 5 }] });
    failAt(health, a, 0);
    failAt(health, a, 100);
    failAt(health, a, 200);
    expect(health.effectiveWeight(a)).toBe(0);
  });

  it('uses integer division, so a weight below max_fails is never cut', () => {
    const health = createPassiveHealth({ maxFails: 3 });
    failAt(health, a, 0);
    expect(health.effectiveWeight(a)).toBe(1);
  });
});

describe('nginx passive health under steady traffic', () => {
  it('probes a dead server about every fail_timeout + 1 s and the client sees no errors', () => {
    const health = createPassiveHealth({ maxFails: 1, failTimeoutMs: 2000 });
    const current = new Map<BackendId, number>([a, b, c].map((id) => [id, 0]));
    const probes: number[] = [];
    let clientErrors = 0;

    // A smooth weighted round robin over the usable peers, retrying a failed attempt elsewhere, as nginx does.
    const pick = (now: number, tried: ReadonlySet<BackendId>): BackendId | undefined => {
      let best: BackendId | undefined;
      let total = 0;
      for (const id of [a, b, c]) {
        if (tried.has(id) || !health.isUsable(id, now)) continue;
        const weight = health.weighForRound(id);
        current.set(id, (current.get(id) ?? 0) + weight);
        total += weight;
        if (best === undefined || (current.get(id) ?? 0) > (current.get(best) ?? 0)) best = id;
      }
      if (best !== undefined) current.set(best, (current.get(best) ?? 0) - total);
      return best;
    };

    for (let now = 0; now < 6500; now += 100) {
      const tried = new Set<BackendId>();
      for (;;) {
        const peer = pick(now, tried);
        if (peer === undefined) {
          clientErrors += 1;
          break;
        }
        health.onPicked(peer, now);
        const ok = peer !== c;
        health.onResult(peer, ok, now);
        if (ok) break;
        probes.push(now);
        tried.add(peer);
      }
    }

    expect(probes.map((ms) => Math.floor(ms / 1000))).toEqual([0, 3, 6]);
    expect(clientErrors).toBe(0);
  });
});
