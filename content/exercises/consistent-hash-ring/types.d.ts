/** One server on the ring. */
export interface RingServer {
  /** The server as written in the config, such as "10.0.0.1:80": its virtual nodes are hashed from this text. */
  id: string;
  /** A positive whole number: each unit of weight gives the server 160 virtual nodes. */
  weight: number;
}
