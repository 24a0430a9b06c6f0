import { z } from 'zod';
import { routingTableProblems } from '@/lib/routing/l7-router';
import { array, number, sentence, strictObject } from './schema-kit';

const text = z.string({ error: 'must be text' });
const values = z.array(z.string(), { error: 'must be a non-empty list of text' }).min(1, { error: 'must be a non-empty list of text' });

/** One condition; its values are ORed, and a rule's different conditions are ANDed (AWS ALB listener rules). */
const conditionSchema = z.discriminatedUnion(
  'field',
  [
    strictObject({ field: z.literal('host'), values }),
    strictObject({ field: z.literal('path'), values }),
    strictObject({ field: z.literal('method'), values }),
    strictObject({ field: z.literal('header'), name: z.string().min(1, { error: 'must name the header' }), values }),
    strictObject({ field: z.literal('cookie'), name: z.string().min(1, { error: 'must name the cookie' }), values }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must be one of host, path, method, header, cookie' : 'must be an object') },
);

const targetsSchema = array(strictObject({ group: text, weight: number({ integer: true, min: 0, max: 999 }) }));

const routingTableSchema = strictObject({
  rules: array(strictObject({ priority: number({ integer: true, min: 1, max: 50_000 }), conditions: array(conditionSchema), targets: targetsSchema })),
  defaultTargets: targetsSchema,
});

/**
 * A Layer 7 balancer in front of the pool: the request mix, ALB-style listener rules, and the
 * target groups (servers by index) they forward to. The server indices are checked against the
 * pool by scenario.ts, which knows its size.
 */
export const layer7SpecSchema = strictObject({
  /** Each kind of request in the traffic mix, and its share of all requests. */
  requests: array(
    strictObject({
      method: text.default('GET'),
      host: text.default('shop.example.com'),
      path: text.default('/').refine((path) => path.startsWith('/'), { error: 'must start with /' }),
      share: number({ above: 0, max: 1 }),
    }),
  ),
  table: routingTableSchema,
  /** A named target group: the servers a listener rule may forward to. */
  groups: array(strictObject({ name: text.min(1, { error: 'must be text' }), servers: z.array(z.number()) })),
}).superRefine((layer7, ctx) => {
  const total = layer7.requests.reduce((sum, entry) => sum + entry.share, 0);
  if (layer7.requests.length > 0 && Math.abs(total - 1) > 1e-6) sentence(ctx, `layer7.requests shares must add up to 1, got ${total}`);
  const grouped = layer7.groups.flatMap((group) => group.servers);
  if (new Set(grouped).size !== grouped.length) sentence(ctx, 'layer7.groups: a server may belong to one group only');
  for (const problem of routingTableProblems(layer7.table)) sentence(ctx, `layer7.table: ${problem}`);
  const names = new Set(layer7.groups.map((group) => group.name));
  for (const target of [...layer7.table.rules.flatMap((rule) => rule.targets), ...layer7.table.defaultTargets]) {
    if (!names.has(target.group)) sentence(ctx, `layer7.table forwards to "${target.group}", which is not in layer7.groups`);
  }
});

export type Layer7Spec = z.output<typeof layer7SpecSchema>;
export type RequestMixEntry = Layer7Spec['requests'][number];
export type TargetGroupSpec = Layer7Spec['groups'][number];
