import { createBalancer as createEngineBalancer } from '@/lib/balancers/registry';
import { backendId } from '@/lib/balancers/types';
import type { Balancer, Random } from './types';

/** The capstone over the engine: nginx least_conn (lib/balancers/least-connections.ts), one of the built-ins the tracks' limits admit. */
export function createBalancer(random: Random): Balancer {
  const balancer = createEngineBalancer('least-connections', random);
  return {
    pick: (backends, request) => balancer.pick(backends.map((backend) => ({ ...backend, id: backendId(backend.id) })), request),
  };
}
