import fc from 'fast-check';
import { backendId, type BackendView, type PickRequest } from '@/lib/balancers/types';

/** Every property in this folder replays from this seed; a failure prints the path to shrink from. */
export const SEED = 20_260_821;

/** Backends named as nginx would write them (the ketama ring hashes the name), in config order. */
export function backends(weights: readonly number[], usable: readonly boolean[] = [], active: readonly number[] = []): BackendView[] {
  return weights.map((weight, i) => ({ id: backendId(`10.0.0.${i + 1}:80`), weight, usable: usable[i] ?? true, activeConnections: active[i] ?? 0 }));
}

/** nginx weights: whole numbers from 1. */
export const weightsArb = (maxLength = 6) => fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength });

/** A request with a client address and, usually, a hash key. */
export const requestArb: fc.Arbitrary<PickRequest> = fc.record({ clientIp: fc.ipV4(), key: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) });

/** One pick in a run: which backends are usable, how busy they are, and the request. */
export interface PickStep {
  usable: boolean[];
  active: number[];
  request: PickRequest;
}

/** A pool of weights and a run of picks over it, with backends going up and down between picks. */
export const pickRunArb = weightsArb().chain((weights) => {
  const perBackend = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: weights.length, maxLength: weights.length });
  const step: fc.Arbitrary<PickStep> = fc.record({ usable: perBackend(fc.boolean()), active: perBackend(fc.nat({ max: 10 })), request: requestArb });
  return fc.record({ weights: fc.constant(weights), steps: fc.array(step, { minLength: 1, maxLength: 30 }), seed: fc.nat() });
});

/** Distinct server names, `count` of them. */
export const serverNamesArb = (count: number) => fc.uniqueArray(fc.ipV4().map((ip) => `${ip}:80`), { minLength: count, maxLength: count });
