/** Rejects a client number outside 0 … clientCount − 1: the per-client typed arrays would read garbage, not throw. */
export function assertClient(client: number, clientCount: number): void {
  if (!(client >= 0 && client < clientCount)) throw new RangeError(`client ${client} is not one of the ${clientCount} clients`);
}
