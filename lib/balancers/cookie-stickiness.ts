import type { Balancer, BackendId, BackendView, PickRequest } from './types';

/** What the balancer does for one request under cookie stickiness. */
export interface StickyDecision {
  backend: BackendId | undefined;
  /** The server id to send back in Set-Cookie, when the client's cookie must change. */
  setCookie?: BackendId;
}

export interface CookieStickinessOptions {
  /** HAProxy `option redispatch`: after the pinned server fails to answer, try another one instead of answering 503. */
  redispatch: boolean;
}

/**
 * A balancer-inserted cookie naming the server, as HAProxy `cookie SERVERID insert indirect nocache`
 * behaves (lb-algorithms.md §7.1, observed on HAProxy 3.5): no or unknown cookie → balance and set
 * it; a cookie naming a usable server → go there and send no new cookie; a server marked down by
 * health checks → ignore the cookie, balance, and rewrite it.
 */
export function createCookieStickiness(balancer: Balancer, options: CookieStickinessOptions) {
  const rebalance = (backends: readonly BackendView[], request: PickRequest | undefined): StickyDecision => {
    const backend = balancer.pick(backends, request);
    return backend ? { backend, setCookie: backend } : { backend: undefined };
  };

  return {
    /** Routes a request that carries `cookie` (the SERVERID value), if any. */
    route(backends: readonly BackendView[], cookie: string | undefined, request?: PickRequest): StickyDecision {
      const pinned = cookie === undefined ? undefined : backends.find((backend) => backend.id === cookie);
      if (pinned?.usable) return { backend: pinned.id };
      return rebalance(backends, request);
    },

    /**
     * The pinned server did not answer and health checks have not noticed yet. Without redispatch
     * HAProxy retries it and then answers 503 (no backend); with it, another server takes the
     * request and the cookie moves there.
     */
    afterConnectFailure(backends: readonly BackendView[], failed: BackendId, request?: PickRequest): StickyDecision {
      if (!options.redispatch) return { backend: undefined };
      return rebalance(
        backends.map((backend) => (backend.id === failed ? { ...backend, usable: false } : backend)),
        request,
      );
    },
  };
}
