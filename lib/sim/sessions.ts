/**
 * Sessions kept in the memory of the server that created them (the `server` store). A client's
 * request that lands anywhere else, or on the same server after it crashed and restarted, finds
 * no session: the user is logged out and a new session starts there. Two typed arrays per client,
 * so memory stays flat however long the run.
 */
export class ServerMemorySessions {
  /** The server holding each client's session, −1 before its first request. */
  private readonly server: Int32Array;
  /** That server's crash count when the session was made: a crash since wipes its memory. */
  private readonly life: Int32Array;

  constructor(clients: number) {
    this.server = new Int32Array(clients).fill(-1);
    this.life = new Int32Array(clients);
  }

  /** Serves client `client` on `server` (in its `life`-th life); true when the client's session was lost. */
  visit(client: number, server: number, life: number): boolean {
    const holder = this.server[client]!;
    if (holder === server && this.life[client] === life) return false;
    this.server[client] = server;
    this.life[client] = life;
    return holder !== -1;
  }
}
