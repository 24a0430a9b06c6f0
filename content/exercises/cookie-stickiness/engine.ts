import { createCookieStickiness } from '@/lib/balancers/cookie-stickiness';
import { createRoundRobin } from '@/lib/balancers/round-robin';
import { backendId } from '@/lib/balancers/types';
import type { Server, StickyDecision, StickyOptions } from './types';

export { RoundRobin } from './solution';

/** The exercise's API over the engine's HAProxy cookie stickiness (lib/balancers/cookie-stickiness.ts) on its round robin. */
export class StickyBalancer {
  private readonly sticky;

  constructor(options: StickyOptions) {
    this.sticky = createCookieStickiness(createRoundRobin(), options);
  }

  route(servers: readonly Server[], cookie: string | undefined): StickyDecision {
    return decision(this.sticky.route(views(servers), cookie));
  }

  afterConnectFailure(servers: readonly Server[], failed: string): StickyDecision {
    return decision(this.sticky.afterConnectFailure(views(servers), backendId(failed)));
  }
}

const views = (servers: readonly Server[]) => servers.map((server) => ({ id: backendId(server.id), weight: 1, usable: server.up, activeConnections: 0 }));

function decision(engine: { backend: string | undefined; setCookie?: string }): StickyDecision {
  return engine.setCookie === undefined ? { server: engine.backend } : { server: engine.backend, setCookie: engine.setCookie };
}
