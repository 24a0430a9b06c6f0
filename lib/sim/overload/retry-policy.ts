/**
 * How a try failed, as a proxy sees it: refused or reset by the server, no answer within the
 * per-try timeout, or an answer of 500 (a server with an `errorShare`).
 */
export type TryFailure = 'connect-failure' | 'reset' | 'timeout' | 'http-500';

/** nginx `proxy_next_upstream` conditions this simulator can produce (http_5xx stands for http_500 … http_504). */
export const NGINX_NEXT_UPSTREAM = ['error', 'timeout', 'http_5xx'] as const;
export type NginxNextUpstream = (typeof NGINX_NEXT_UPSTREAM)[number];

/** Envoy `retry_on` conditions this simulator can produce. */
export const ENVOY_RETRY_ON = ['5xx', 'gateway-error', 'reset', 'connect-failure'] as const;
export type EnvoyRetryOn = (typeof ENVOY_RETRY_ON)[number];

/**
 * nginx (ngx_http_proxy_module, https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_next_upstream):
 * `error` covers a failure to connect, to send the request or to read the response header (so a
 * refused connection and a reset); `timeout` covers a timeout doing any of those
 * (`proxy_read_timeout` is our per-try timeout); `http_5xx` stands for http_500…http_504.
 */
export function nginxCondition(failure: TryFailure): NginxNextUpstream {
  return failure === 'timeout' ? 'timeout' : failure === 'http-500' ? 'http_5xx' : 'error';
}

/**
 * nginx passes a request to the next server when its failure is listed, fewer than
 * `proxy_next_upstream_tries` tries were made (0: no limit), and an untried server remains (the
 * round-robin peer marks each tried peer and never picks it twice for one request).
 */
export function nginxPassesToNext(conditions: readonly NginxNextUpstream[], failure: TryFailure, triesMade: number, maxTries: number, untriedLeft: number): boolean {
  if (!conditions.includes(nginxCondition(failure))) return false;
  if (maxTries !== 0 && triesMade >= maxTries) return false;
  return untriedLeft > 0;
}

/**
 * Envoy `retry_on` (router filter, https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter#x-envoy-retry-on):
 * `5xx` retries any 5xx and no response at all (disconnect, reset, read timeout, connect failure);
 * `gateway-error` retries 502/503/504, and a per-try timeout answers 504; `reset` retries a
 * disconnect or reset with no response; `connect-failure` retries a failed connection.
 */
export function envoyRetries(retryOn: readonly EnvoyRetryOn[], failure: TryFailure): boolean {
  return retryOn.some((condition) => {
    switch (condition) {
      case '5xx':
        return true;
      case 'gateway-error':
        return failure !== 'http-500';
      case 'reset':
        return failure === 'reset' || failure === 'connect-failure';
      case 'connect-failure':
        return failure === 'connect-failure';
    }
  });
}

/**
 * Envoy's retry budget (config.cluster.v3.CircuitBreakers.Thresholds.RetryBudget,
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/cluster/v3/circuit_breaker.proto): a
 * retry may start while active retries are fewer than budget_percent (default 20%) of active plus
 * pending requests, truncated, but never fewer than min_retry_concurrency (default 3). With a budget,
 * `max_retries` is ignored.
 */
export function retryBudgetAllows(activeRetries: number, activeAndPendingRequests: number, budgetPercent = 20, minRetryConcurrency = 3): boolean {
  return activeRetries < Math.max(Math.floor((budgetPercent / 100) * activeAndPendingRequests), minRetryConcurrency);
}
