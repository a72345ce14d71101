// The extension pages' stand-in for zod/mini (wxt.config.ts resolves `zod/mini`
// to this file in the pages' build only; the background, the content scripts
// and the tests use zod itself). The schemas are written once, with zod's API,
// in utils/; this file runs the part of that API they use, with zod's answers:
// the same values accepted, the same values refused, the same output (unknown
// keys stripped, defaults filled, strings trimmed). What it leaves out is what
// the pages never read: the issues' details (a refused value only says which
// path failed) and the parts of the API the schemas do not use (building with
// one of those fails loudly at load). tests/unit/schema-lite.test.ts compares
// it with zod on every schema the pages read storage with, on valid and
// damaged values.
//
// Why: zod is about 9 KB gzipped, a quarter of the popup's code, for checking
// a few values read from storage before the first render.

type Ok = { value: unknown };
type Outcome = Ok | undefined;
type Optionality = 'optional' | 'defaulted' | undefined;

/** A check (zod's `.check(z.minLength(1), …)`): the value when it passes (trim changes it), FAIL when not. */
const FAIL: unique symbol = Symbol('fail');
type Check = (value: unknown) => unknown;

interface Issue {
  code: 'invalid';
  path: PropertyKey[];
  message: string;
}

class LiteError extends Error {
  constructor(readonly issues: Issue[]) {
    super('Invalid input');
  }
}

export class Schema {
  constructor(
    readonly parseValue: (input: unknown) => Outcome,
    readonly optin: Optionality = undefined,
    readonly optout: 'optional' | undefined = undefined,
    readonly checks: readonly Check[] = [],
    /** The keys of an object schema (for discriminated unions). */
    readonly shape?: Record<string, Schema>,
    /** The values an enum or literal accepts (record keys). */
    readonly values?: ReadonlySet<unknown>,
  ) {}

  run(input: unknown): Outcome {
    const parsed = this.parseValue(input);
    if (!parsed || !this.checks.length) return parsed;
    let value = parsed.value;
    for (const check of this.checks) {
      const next = check(value);
      if (next === FAIL) return undefined;
      value = next;
    }
    return { value };
  }

  check(...checks: Check[]): Schema {
    return new Schema(this.parseValue, this.optin, this.optout, [...this.checks, ...checks], this.shape, this.values);
  }

  safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: LiteError } {
    const outcome = this.run(input);
    return outcome ? { success: true, data: outcome.value } : { success: false, error: new LiteError([{ code: 'invalid', path: [], message: 'Invalid input' }]) };
  }

  parse(input: unknown): unknown {
    const result = this.safeParse(input);
    if (!result.success) throw result.error;
    return result.data;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's util.isPlainObject. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype = (ctor as { prototype?: unknown }).prototype;
  return isObject(prototype) && Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

const typed = (test: (input: unknown) => boolean) => new Schema((input) => (test(input) ? { value: input } : undefined));

// Types.
export const string = () => typed((input) => typeof input === 'string');
export const number = () => typed((input) => typeof input === 'number' && Number.isFinite(input));
export const int = () => typed((input) => typeof input === 'number' && Number.isSafeInteger(input));
export const boolean = () => typed((input) => typeof input === 'boolean');
export const unknown = () => typed(() => true);

function oneOf(values: readonly unknown[]): Schema {
  const set = new Set(values);
  return new Schema((input) => (set.has(input) ? { value: input } : undefined), undefined, undefined, [], undefined, set);
}
export const literal = (value: unknown) => oneOf(Array.isArray(value) ? value : [value]);
export function enum_(values: readonly unknown[] | Record<string, unknown>): Schema {
  if (Array.isArray(values)) return oneOf(values);
  // zod's util.getEnumValues: a TypeScript numeric enum's reverse keys are left out.
  const record = values as Record<string, unknown>;
  const numeric = Object.entries(record).filter(([, v]) => typeof v === 'number').map(([k]) => k);
  return oneOf(Object.entries(record).filter(([k]) => !numeric.includes(k)).map(([, v]) => v));
}
export { enum_ as enum };

export const optional = (inner: Schema) =>
  new Schema((input) => (input === undefined ? { value: undefined } : inner.run(input)), 'optional', 'optional');
export const nullable = (inner: Schema) =>
  new Schema((input) => (input === null ? { value: null } : inner.run(input)), inner.optin, inner.optout, [], undefined, inner.values && new Set([...inner.values, null]));
export const nullish = (inner: Schema) => optional(nullable(inner));

function shallowClone(value: unknown): unknown {
  if (isPlainObject(value)) return { ...value };
  if (Array.isArray(value)) return [...value];
  if (value instanceof Map) return new Map(value);
  if (value instanceof Set) return new Set(value);
  return value;
}
export function _default(inner: Schema, fallback: unknown): Schema {
  const value = () => (typeof fallback === 'function' ? (fallback as () => unknown)() : shallowClone(fallback));
  return new Schema((input) => {
    if (input === undefined) return { value: value() };
    const outcome = inner.run(input);
    return outcome && outcome.value === undefined ? { value: value() } : outcome;
  }, 'defaulted');
}

function objectOf(shape: Record<string, Schema>, strict: boolean): Schema {
  const keys = Object.keys(shape);
  const keySet = new Set(keys);
  return new Schema(
    (input) => {
      if (!isObject(input)) return undefined;
      const output: Record<string, unknown> = {};
      for (const key of keys) {
        if (key === '__proto__') continue;
        const field = shape[key]!;
        const present = key in input;
        // zod's handlePropertyResult.
        if (!present && field.optout === 'optional' && field.optin === 'optional') continue;
        const outcome = field.run(input[key]);
        if (!outcome) {
          if (field.optin !== undefined && field.optout === 'optional' && !present) continue;
          return undefined;
        }
        if (!present && field.optin === undefined) return undefined;
        if (outcome.value === undefined) {
          if (present || (field.optin === 'defaulted' && field.optout !== 'optional')) output[key] = undefined;
        } else {
          output[key] = outcome.value;
        }
      }
      if (strict) for (const key in input) if (!keySet.has(key)) return undefined;
      return { value: output };
    },
    undefined,
    undefined,
    [],
    shape,
  );
}
export const object = (shape: Record<string, Schema>) => objectOf(shape, false);
export const strictObject = (shape: Record<string, Schema>) => objectOf(shape, true);

export const array = (element: Schema) =>
  new Schema((input) => {
    if (!Array.isArray(input)) return undefined;
    const output: unknown[] = [];
    for (const item of input) {
      const outcome = element.run(item);
      if (!outcome) return undefined;
      output.push(outcome.value);
    }
    return { value: output };
  });

export const union = (options: readonly Schema[]) =>
  new Schema(
    (input) => {
      for (const option of options) {
        const outcome = option.run(input);
        if (outcome) return outcome;
      }
      return undefined;
    },
    options.some((o) => o.optin === 'optional') ? 'optional' : undefined,
    options.some((o) => o.optout === 'optional') ? 'optional' : undefined,
  );

/** Each option's discriminator accepts its own values only, so the first option that accepts the input is the one zod picks. */
export function discriminatedUnion(discriminator: string, options: readonly Schema[]): Schema {
  for (const option of options) if (!option.shape?.[discriminator]?.values) throw new Error(`schema-lite: no literal discriminator "${discriminator}"`);
  const any = union(options);
  return new Schema((input) => (isObject(input) ? any.run(input) : undefined));
}

function recordOf(keyType: Schema, valueType: Schema, partial: boolean): Schema {
  // An exhaustive record (every key of an enum required) is not used by the schemas.
  if (keyType.values && !partial) throw new Error('schema-lite: exhaustive records are not supported');
  const numeric = /^-?\d+(?:\.\d+)?$/;
  return new Schema((input) => {
    if (!isPlainObject(input)) return undefined;
    const output: Record<PropertyKey, unknown> = {};
    for (const key of Reflect.ownKeys(input)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
      let keyOutcome = keyType.run(key);
      if (!keyOutcome && typeof key === 'string' && numeric.test(key)) keyOutcome = keyType.run(Number(key));
      if (!keyOutcome) return undefined;
      if (keyOutcome.value === '__proto__') continue;
      const outcome = valueType.run((input as Record<PropertyKey, unknown>)[key]);
      if (!outcome) return undefined;
      output[keyOutcome.value as PropertyKey] = outcome.value;
    }
    return { value: output };
  });
}
export const record = (keyType: Schema, valueType: Schema) => recordOf(keyType, valueType, false);
export const partialRecord = (keyType: Schema, valueType: Schema) => recordOf(keyType, valueType, true);

// Checks.
const lengthOf = (value: unknown) => (value as { length?: unknown } | null | undefined)?.length;
export const minLength = (minimum: number): Check => (value) => {
  const length = lengthOf(value);
  return typeof length === 'number' && length < minimum ? FAIL : value;
};
export const maxLength = (maximum: number): Check => (value) => {
  const length = lengthOf(value);
  return typeof length === 'number' && length > maximum ? FAIL : value;
};
export const regex =
  (pattern: RegExp): Check =>
  (value) => {
    pattern.lastIndex = 0;
    return pattern.test(value as string) ? value : FAIL;
  };
export const trim = (): Check => (value) => (value as string).trim();
export const gte = (minimum: number): Check => (value) => ((value as number) >= minimum ? value : FAIL);
export const lte = (maximum: number): Check => (value) => ((value as number) <= maximum ? value : FAIL);
export const nonnegative = () => gte(0);
