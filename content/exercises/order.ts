/**
 * The exercises in the order the list shows them: topic by topic, each roughly in course order.
 * Ids are stable, as verdicts and progress are keyed by them; a test checks every folder is here once.
 */
export const exerciseOrder: readonly string[] = [
  'round-robin',
  'smooth-weighted-round-robin',
  'least-connections',
  'ip-hash',
  'consistent-hash-ring',
  'cookie-stickiness',
  'active-health-check',
  'outlier-ejection',
  'l7-router',
  'session-store',
  'capstone-balancer',
];
