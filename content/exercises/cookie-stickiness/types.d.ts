/** One backend server, as the balancer sees it when a request arrives. */
export interface Server {
  /** A unique name; it is also the value the balancer writes into the cookie. */
  id: string;
  /** False once health checks have marked the server down. */
  up: boolean;
}

/** Where one request goes, and the cookie to send back if the client's must change. */
export interface StickyDecision {
  /** The server that takes the request, or undefined when none can (the client gets 503). */
  server: string | undefined;
  /** The value for `Set-Cookie: SERVERID=…`; absent when the client's cookie is already right. */
  setCookie?: string;
}

export interface StickyOptions {
  /** HAProxy `option redispatch`: when the pinned server does not answer, send the request elsewhere instead of failing it. */
  redispatch: boolean;
}
