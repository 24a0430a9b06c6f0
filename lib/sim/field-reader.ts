/** How a number read from untrusted input must look. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** Exclusive lower bound. */
  above?: number;
  /** Exclusive upper bound. */
  below?: number;
  optional?: boolean;
}

/** Reads fields of untrusted objects, appending one readable line per problem to `errors`. */
export class FieldReader {
  constructor(readonly errors: string[]) {}

  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.errors.push(`${path} must be an object`);
      return undefined;
    }
    // A misspelt field is an error, not a silent default.
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.errors.push(`${path === 'scenario' ? key : `${path}.${key}`} is not a known field (expected ${allowed.join(', ')})`);
    }
    return value as Record<string, unknown>;
  }

  /** The array at `path`, or undefined (with an error) when it is something else. */
  array(value: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.errors.push(`${path} must be an array`);
    return undefined;
  }

  number(fields: Record<string, unknown>, key: string, path: string, rule: NumberRule): number | undefined {
    const at = path ? `${path}.${key}` : key;
    const value = fields[key];
    const fail = (problem: string) => {
      this.errors.push(`${at} ${problem}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`);
      return undefined;
    };
    if (value === undefined) return rule.optional ? undefined : fail('is required');
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail('must be a finite number');
    if (rule.integer && !Number.isInteger(value)) return fail('must be an integer');
    if (rule.min !== undefined && value < rule.min) return fail(`must be at least ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) return fail(`must be at most ${rule.max}`);
    if (rule.above !== undefined && value <= rule.above) return fail(`must be greater than ${rule.above}`);
    if (rule.below !== undefined && value >= rule.below) return fail(`must be less than ${rule.below}`);
    return value;
  }

  boolean(fields: Record<string, unknown>, key: string, path: string, optional = false): boolean | undefined {
    const value = fields[key];
    if (typeof value === 'boolean') return value;
    if (value === undefined && optional) return undefined;
    this.errors.push(`${path}.${key} must be true or false${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`);
    return undefined;
  }

  /** One of `choices`, reported as `path.key must be one of …` otherwise. */
  choice<T extends string>(fields: Record<string, unknown>, key: string, path: string, choices: readonly T[]): T | undefined {
    const value = fields[key];
    const found = choices.find((choice) => choice === value);
    if (found === undefined) this.errors.push(`${path}.${key} must be one of ${choices.join(', ')}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`);
    return found;
  }
}
