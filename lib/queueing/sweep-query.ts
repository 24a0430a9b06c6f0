import { DEFAULT_SWEEP, parseUtilisations, sweepSpecSchema, type SweepSpec } from './utilisation-sweep';

type SearchParams = Record<string, string | string[] | undefined>;

/** URL parameter → sweep field, numbers all but the algorithm and the loads. */
const NUMBER_FIELDS = { servers: 'servers', workers: 'workersPerServer', cost: 'costMeanMs', requests: 'requestsPerPoint', seed: 'seed' } as const;

/** The lab's sweep link, `/lab/sweep?algorithm=…&servers=4&workers=1&cost=10&requests=40000&seed=1&loads=0.1,0.2`: short and readable. */
export function sweepQuery(spec: SweepSpec): string {
  const params = new URLSearchParams({ algorithm: spec.algorithm });
  for (const [param, field] of Object.entries(NUMBER_FIELDS)) params.set(param, String(spec[field]));
  params.set('loads', spec.utilisations.join(','));
  return params.toString();
}

/** The sweep a link asks for: missing fields take the defaults; anything invalid is named, and the default sweep is used instead. */
export function sweepFromQuery(params: SearchParams): { spec: SweepSpec; problems: string[] } {
  const first = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const candidate: Record<string, unknown> = { ...DEFAULT_SWEEP };
  const problems: string[] = [];
  const algorithm = first('algorithm');
  if (algorithm !== undefined) candidate.algorithm = algorithm;
  for (const [param, field] of Object.entries(NUMBER_FIELDS)) {
    const text = first(param);
    if (text !== undefined) candidate[field] = text.trim() === '' ? NaN : Number(text);
  }
  const loads = first('loads');
  if (loads !== undefined) {
    const utilisations = parseUtilisations(loads);
    if (utilisations) candidate.utilisations = utilisations;
    else problems.push(`loads must be from:to:step or a comma-separated list, got '${loads}'`);
  }
  const parsed = sweepSpecSchema.safeParse(candidate);
  if (!parsed.success) {
    const byField = Object.fromEntries(Object.entries(NUMBER_FIELDS).map(([param, field]) => [field, param]));
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'sweep');
      problems.push(`${byField[field] ?? (field === 'utilisations' ? 'loads' : field)}: ${issue.message}`);
    }
  }
  return problems.length === 0 && parsed.success ? { spec: parsed.data, problems } : { spec: DEFAULT_SWEEP, problems };
}
