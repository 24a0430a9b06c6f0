import type { CourseOutline } from '../lib/content/outline-schema';

/** The course, in teaching order. Lesson ids are stable: progress is keyed by them. */
export const outline: CourseOutline = [
  {
    id: 'foundations',
    title: 'Foundations',
    lessons: ['why-load-balancers', 'where-load-balancers-fit', 'load-balancer-vs-reverse-proxy'],
  },
  {
    id: 'algorithms',
    title: 'Balancing algorithms',
    lessons: [
      'round-robin',
      'weighted-round-robin',
      'least-connections',
      'power-of-two-choices',
      'consistent-hashing',
    ],
  },
  {
    id: 'sessions',
    title: 'Sessions and state',
    lessons: [
      'sticky-sessions',
      'ip-hash',
      'cookie-stickiness',
      'stateless-sessions',
      'session-scenarios-and-migration',
    ],
  },
  {
    id: 'layers',
    title: 'Layer 4 and Layer 7',
    lessons: ['osi-layers', 'layer-4-vs-layer-7', 'tls-termination', 'choosing-a-layer'],
  },
  {
    id: 'resilience',
    title: 'Health and resilience',
    lessons: [
      'health-checks',
      'health-checks-in-depth',
      'websockets',
      'highly-available-load-balancers',
      'global-load-balancing',
    ],
  },
  {
    id: 'overload',
    title: 'Failure under overload',
    lessons: [
      'timeouts-retries-and-budgets',
      'circuit-breaking-and-load-shedding',
      'queueing-and-capacity',
      'latency-aware-balancing',
      'zone-aware-routing',
      'long-lived-connections-and-http2',
    ],
  },
  {
    id: 'interview',
    title: 'The interview',
    lessons: ['interview-playbook', 'key-takeaways-and-practice'],
  },
];
