/**
 * Measures how much one pool change reshuffled clients: of the clients that sent a request both
 * before and after the most recent change, the share whose first request after it went to a
 * different server than their last one before it. Adding a 4th server moves about 3/4 of clients
 * under hash mod N and about 1/4 under consistent hashing (lb-algorithms.md §4.3).
 */
export class RemapTracker {
  private readonly lastServer: Int32Array;
  /** The pool version each client last sent a request under; −1 before its first. */
  private readonly lastVersion: Int32Array;
  private version = 0;
  private compared = 0;
  private moved = 0;

  constructor(clients: number) {
    this.lastServer = new Int32Array(clients);
    this.lastVersion = new Int32Array(clients).fill(-1);
  }

  /** The set of servers the balancer chooses from just changed: start counting afresh. */
  poolChanged(): void {
    this.version += 1;
    this.compared = 0;
    this.moved = 0;
  }

  /** Notes that `client`'s request was routed to `server`. */
  record(client: number, server: number): void {
    const seen = this.lastVersion[client]!;
    if (seen !== this.version) {
      if (seen >= 0) {
        this.compared += 1;
        if (this.lastServer[client] !== server) this.moved += 1;
      }
      this.lastVersion[client] = this.version;
    }
    this.lastServer[client] = server;
  }

  /** The share of compared clients that moved; NaN until a client has been seen on both sides of a change. */
  get share(): number {
    return this.compared === 0 ? Number.NaN : this.moved / this.compared;
  }
}
