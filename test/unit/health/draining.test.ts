import { describe, expect, it } from 'vitest';
import {
  ALB_DEREGISTRATION_DELAY_MS,
  canAcceptNew,
  expireDrain,
  mustCloseBy,
  requestFinished,
  requestStarted,
  serving,
  startDraining,
} from '@/lib/health/draining';

describe('connection draining (ALB deregistration delay)', () => {
  it('waits 300 s by default', () => {
    expect(ALB_DEREGISTRATION_DELAY_MS).toBe(300_000);
  });

  it('takes new requests only while serving', () => {
    const draining = startDraining(serving(2), 1_000);
    expect(canAcceptNew(serving(2))).toBe(true);
    expect(canAcceptNew(draining)).toBe(false);
    expect(() => requestStarted(draining)).toThrow(/takes no new requests/);
  });

  it('must close what is left by the start of draining plus the delay', () => {
    expect(mustCloseBy(startDraining(serving(1), 1_000))).toBe(301_000);
    expect(mustCloseBy(startDraining(serving(1), 1_000, 30_000))).toBe(31_000);
    expect(mustCloseBy(serving(1))).toBeUndefined();
  });

  it('keeps serving in-flight requests and deregisters when the last one finishes', () => {
    let state = startDraining(requestStarted(requestStarted(serving())), 0);
    state = requestFinished(state, 5_000);
    expect(state).toMatchObject({ phase: 'draining', inFlight: 1 });
    expect(requestFinished(state, 9_000)).toEqual({ phase: 'deregistered', at: 9_000, reason: 'drained', cutOff: 0 });
  });

  it('cuts off requests still open when the delay runs out', () => {
    const state = startDraining(serving(3), 0);
    expect(expireDrain(state, 299_999).phase).toBe('draining');
    expect(expireDrain(state, 300_000)).toEqual({ phase: 'deregistered', at: 300_000, reason: 'delay-expired', cutOff: 3 });
  });

  it('deregisters at once when nothing is in flight', () => {
    expect(startDraining(serving(0), 7_000)).toEqual({ phase: 'deregistered', at: 7_000, reason: 'drained', cutOff: 0 });
  });

  it('treats a request finishing after the cut-off as already closed', () => {
    const state = requestFinished(startDraining(serving(2), 0, 10_000), 12_000);
    expect(state).toEqual({ phase: 'deregistered', at: 10_000, reason: 'delay-expired', cutOff: 2 });
  });
});
