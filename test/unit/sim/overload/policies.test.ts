import { describe, expect, it } from 'vitest';
import { envoyBackoffMs, fullJitterBackoffMs } from '@/lib/sim/overload/backoff';
import { PendingQueue } from '@/lib/sim/overload/pending-queue';
import { envoyRetries, nginxPassesToNext, retryBudgetAllows } from '@/lib/sim/overload/retry-policy';

/** A Random that always returns `value`, to read off the top (or the bottom) of a back-off range. */
const always = (value: number) => () => value;
const justBelowOne = always(1 - 1e-12);

describe('Envoy jittered exponential back-off (backoff_strategy.cc)', () => {
  it('draws retry n from [0, (2^n − 1) × 25 ms) by default', () => {
    expect([1, 2, 3].map((retry) => envoyBackoffMs(retry, justBelowOne))).toEqual([24, 74, 174]);
    expect(envoyBackoffMs(1, always(0))).toBe(0);
  });

  it('never waits longer than the cap, 10 × the base by default', () => {
    expect(envoyBackoffMs(4, justBelowOne)).toBe(250);
    expect(envoyBackoffMs(12, justBelowOne)).toBe(250);
    expect(envoyBackoffMs(3, justBelowOne, 100, 150)).toBe(150);
  });

  it('stops widening the range once it has passed the cap, as Envoy stops counting retries', () => {
    // base 25, cap 100: ranges 25, 75, 175 (past the cap: frozen), so retry 9 draws from [0, 175) too.
    expect(envoyBackoffMs(9, always(0.5), 25, 100)).toBe(87);
  });
});

describe('full-jitter client back-off (AWS Architecture Blog)', () => {
  it('draws attempt n from [0, min(cap, base × 2^n))', () => {
    expect(fullJitterBackoffMs(1, always(0.5), 100, 10_000)).toBe(100);
    expect(fullJitterBackoffMs(3, always(0.5), 100, 10_000)).toBe(400);
    expect(fullJitterBackoffMs(10, always(0.5), 100, 1_000)).toBe(500);
  });
});

describe('nginx proxy_next_upstream', () => {
  it('passes a refused or reset connection on under "error" and a timeout under "timeout"', () => {
    expect(nginxPassesToNext(['error'], 'connect-failure', 1, 0, 3)).toBe(true);
    expect(nginxPassesToNext(['error'], 'reset', 1, 0, 3)).toBe(true);
    expect(nginxPassesToNext(['error'], 'timeout', 1, 0, 3)).toBe(false);
    expect(nginxPassesToNext(['timeout'], 'timeout', 1, 0, 3)).toBe(true);
  });

  it('stops at proxy_next_upstream_tries, and 0 means no limit', () => {
    expect(nginxPassesToNext(['error', 'timeout'], 'timeout', 2, 2, 3)).toBe(false);
    expect(nginxPassesToNext(['error', 'timeout'], 'timeout', 1, 2, 3)).toBe(true);
    expect(nginxPassesToNext(['error', 'timeout'], 'timeout', 50, 0, 3)).toBe(true);
  });

  it('stops when every server has been tried', () => {
    expect(nginxPassesToNext(['error', 'timeout'], 'connect-failure', 1, 0, 0)).toBe(false);
  });

  it('passes a 500 on only under http_5xx, which covers no refusal', () => {
    expect(nginxPassesToNext(['http_5xx'], 'http-500', 1, 0, 3)).toBe(true);
    expect(nginxPassesToNext(['error', 'timeout'], 'http-500', 1, 0, 3)).toBe(false);
    expect(nginxPassesToNext(['http_5xx'], 'connect-failure', 1, 0, 3)).toBe(false);
  });
});

describe('Envoy retry_on', () => {
  it('retries everything under 5xx, and all but a 500 under gateway-error (a per-try timeout answers 504)', () => {
    for (const failure of ['connect-failure', 'reset', 'timeout'] as const) {
      expect(envoyRetries(['5xx'], failure)).toBe(true);
      expect(envoyRetries(['gateway-error'], failure)).toBe(true);
    }
    expect(envoyRetries(['5xx'], 'http-500')).toBe(true);
    expect(envoyRetries(['gateway-error'], 'http-500')).toBe(false);
    expect(envoyRetries(['reset', 'connect-failure'], 'http-500')).toBe(false);
  });

  it('retries only a failed connection under connect-failure, and a reset too under reset', () => {
    expect(envoyRetries(['connect-failure'], 'connect-failure')).toBe(true);
    expect(envoyRetries(['connect-failure'], 'reset')).toBe(false);
    expect(envoyRetries(['reset'], 'reset')).toBe(true);
    expect(envoyRetries(['reset'], 'timeout')).toBe(false);
    expect(envoyRetries([], 'reset')).toBe(false);
  });
});

describe('Envoy retry budget', () => {
  it('allows active retries up to budget_percent of active and pending requests, truncated', () => {
    expect(retryBudgetAllows(19, 100, 20, 3)).toBe(true);
    expect(retryBudgetAllows(20, 100, 20, 3)).toBe(false);
    expect(retryBudgetAllows(21, 109, 20, 3)).toBe(false);
    expect(retryBudgetAllows(21, 110, 20, 3)).toBe(true);
  });

  it('never allows fewer than min_retry_concurrency, and defaults to 20% and 3', () => {
    expect(retryBudgetAllows(2, 0)).toBe(true);
    expect(retryBudgetAllows(3, 0)).toBe(false);
    expect(retryBudgetAllows(4, 20)).toBe(false);
    expect(retryBudgetAllows(3, 20, 20, 5)).toBe(true);
  });
});

describe('the backend queue', () => {
  const entries = () => [1, 2, 3].map((id) => ({ id, cancelled: false }));

  it('serves the oldest first in FIFO order and the newest first in LIFO order', () => {
    for (const [order, expected] of [
      ['fifo', [1, 2, 3]],
      ['lifo', [3, 2, 1]],
    ] as const) {
      const queue = new PendingQueue<{ id: number; cancelled: boolean }>(order);
      for (const entry of entries()) queue.push(entry);
      expect([queue.take()!.id, queue.take()!.id, queue.take()!.id]).toEqual(expected);
      expect(queue.take()).toBeUndefined();
    }
  });

  it('skips cancelled entries and does not count them', () => {
    const queue = new PendingQueue<{ id: number; cancelled: boolean }>('fifo');
    const [first, second, third] = entries();
    for (const entry of [first!, second!, third!]) queue.push(entry);
    second!.cancelled = true;
    queue.cancelled();
    expect(queue.length).toBe(2);
    expect([queue.take()!.id, queue.take()!.id]).toEqual([1, 3]);
    expect(queue.length).toBe(0);
  });
});
