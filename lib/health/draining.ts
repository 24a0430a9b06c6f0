/**
 * Connection draining (AWS calls it deregistration delay): a backend being removed stops taking new
 * requests but is given time to finish the ones it has.
 */

/** AWS ALB `deregistration_delay.timeout_seconds` default (ALB target-group attributes): 300 s. */
export const ALB_DEREGISTRATION_DELAY_MS = 300_000;

/** A backend's place in its removal, with the requests it is still serving. */
export type DrainState =
  | { readonly phase: 'serving'; readonly inFlight: number }
  | { readonly phase: 'draining'; readonly inFlight: number; readonly since: number; readonly closeBy: number }
  | {
      readonly phase: 'deregistered';
      readonly at: number;
      readonly reason: 'drained' | 'delay-expired';
      /** Requests still open when the delay ran out; their clients see an error. */
      readonly cutOff: number;
    };

/** A backend in service with `inFlight` requests open. */
export function serving(inFlight = 0): DrainState {
  if (!Number.isInteger(inFlight) || inFlight < 0) throw new RangeError(`inFlight must be a non-negative integer, got ${inFlight}`);
  return { phase: 'serving', inFlight };
}

/** Only a backend in service takes new requests; draining ones keep only what they have (ALB guide). */
export function canAcceptNew(state: DrainState): boolean {
  return state.phase === 'serving';
}

/** When a draining backend's remaining requests are cut off: start of draining + delay; undefined unless draining. */
export function mustCloseBy(state: DrainState): number | undefined {
  return state.phase === 'draining' ? state.closeBy : undefined;
}

/** Begins deregistration; with nothing in flight ALB completes it at once, though its console shows `draining` until the delay ends (ALB guide). */
export function startDraining(state: DrainState, now: number, delayMs: number = ALB_DEREGISTRATION_DELAY_MS): DrainState {
  if (!(delayMs >= 0)) throw new RangeError(`deregistration delay must be ≥ 0, got ${delayMs}`);
  if (state.phase !== 'serving') return state;
  if (state.inFlight === 0) return { phase: 'deregistered', at: now, reason: 'drained', cutOff: 0 };
  return { phase: 'draining', inFlight: state.inFlight, since: now, closeBy: now + delayMs };
}

/** Ends draining once the delay has passed, cutting off whatever is still open. */
export function expireDrain(state: DrainState, now: number): DrainState {
  if (state.phase !== 'draining' || now < state.closeBy) return state;
  return { phase: 'deregistered', at: state.closeBy, reason: 'delay-expired', cutOff: state.inFlight };
}

/** Records a new request sent to the backend; sending one to a backend that is not serving is a bug. */
export function requestStarted(state: DrainState): DrainState {
  if (state.phase !== 'serving') throw new Error(`a ${state.phase} backend takes no new requests`);
  return { phase: 'serving', inFlight: state.inFlight + 1 };
}

/** Records a request that finished at `now`; the last one out completes a drain early. */
export function requestFinished(state: DrainState, now: number): DrainState {
  const current = expireDrain(state, now);
  // Once deregistered, a late completion belongs to a request that was already cut off.
  if (current.phase === 'deregistered') return current;
  if (current.inFlight === 0) throw new Error('no request is in flight on this backend');
  const inFlight = current.inFlight - 1;
  if (current.phase === 'serving') return { phase: 'serving', inFlight };
  if (inFlight === 0) return { phase: 'deregistered', at: now, reason: 'drained', cutOff: 0 };
  return { ...current, inFlight };
}
