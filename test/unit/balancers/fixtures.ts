import { backendId, type Balancer, type BackendView } from '@/lib/balancers/types';

/** Backends a, b, c... with the given weights, all usable and idle. */
export function pool(...weights: number[]): BackendView[] {
  return weights.map((weight, index) => ({ id: backendId(String.fromCharCode(97 + index)), weight, usable: true, activeConnections: 0 }));
}

/** The first `count` picks as a space-separated string, e.g. "a a b a c a a". */
export function sequence(balancer: Balancer, backends: readonly BackendView[], count: number): string {
  return Array.from({ length: count }, () => balancer.pick(backends) ?? '-').join(' ');
}

export function markDown(backends: BackendView[], id: string): BackendView[] {
  return backends.map((backend) => (backend.id === id ? { ...backend, usable: false } : backend));
}
