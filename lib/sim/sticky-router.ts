import { createCookieStickiness } from '@/lib/balancers/cookie-stickiness';
import type { Balancer, BackendId, BackendView, PickRequest } from '@/lib/balancers/types';

/**
 * The balancer wrapped in cookie stickiness, with each client's cookie jar: a client keeps the
 * SERVERID cookie the balancer last set, whatever its address does. One Int32Array of server
 * indices stands for every jar.
 */
export class StickyRouter {
  private readonly sticky: ReturnType<typeof createCookieStickiness>;
  /** The server index each client's cookie names; −1 before the balancer sets one. */
  private readonly cookies: Int32Array;

  constructor(
    balancer: Balancer,
    redispatch: boolean,
    clients: number,
    private readonly indexOf: (id: BackendId) => number | undefined,
  ) {
    this.sticky = createCookieStickiness(balancer, { redispatch });
    this.cookies = new Int32Array(clients).fill(-1);
  }

  /** Routes one request of `client`, honouring its cookie and storing a new one if the balancer sets it. */
  pick(backends: readonly BackendView[], client: number, request: PickRequest): BackendId | undefined {
    const pinned = this.cookies[client]!;
    const decision = this.sticky.route(backends, pinned === -1 ? undefined : backends[pinned]?.id, request);
    this.keep(client, decision.setCookie);
    return decision.backend;
  }

  /** The pinned server refused the connection: without redispatch the request fails; with it, another server takes it. */
  afterRefusal(backends: readonly BackendView[], client: number, refused: BackendId, request: PickRequest): BackendId | undefined {
    const decision = this.sticky.afterConnectFailure(backends, refused, request);
    this.keep(client, decision.setCookie);
    return decision.backend;
  }

  private keep(client: number, setCookie: BackendId | undefined): void {
    if (setCookie === undefined) return;
    this.cookies[client] = this.indexOf(setCookie) ?? -1;
  }
}
