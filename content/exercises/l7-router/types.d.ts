/** The parts of an HTTP request the router looks at. */
export interface HttpRequest {
  method: string;
  /** The Host header, such as "api.example.com". */
  host: string;
  /** The path, possibly with a query string: "/api/users?page=2". */
  path: string;
  /** Request headers; names are case-insensitive. */
  headers?: Record<string, string>;
}

/** One condition of a rule. Its values are alternatives (OR); `*` matches any run of characters, `?` exactly one. */
export type Condition =
  | { field: 'host'; values: string[] }
  | { field: 'path'; values: string[] }
  | { field: 'method'; values: string[] }
  | { field: 'header'; name: string; values: string[] };

/** A listener rule: when every condition matches (AND), the request goes to `target`. */
export interface Rule {
  /** 1 … 50 000, unique; rules are tried from the lowest number up. */
  priority: number;
  conditions: Condition[];
  /** The target group that gets the request. */
  target: string;
}

/** Which rule matched and where the request goes. */
export interface Route {
  rule: number | 'default';
  target: string;
}
