// utils/schema/lite.ts stands in for zod/mini in the extension pages' build:
// it must accept exactly what zod accepts, refuse what zod refuses and give
// the same output, on every schema the pages read storage with. Each schema
// module is loaded twice (with zod, then with schema-lite in zod's place) and
// both are run on values generated from the schema (valid ones, and the same
// with one part damaged: replaced, removed, or an extra key).
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import * as lite from '@/utils/schema/lite';

const MODULES = {
  session: () => import('@/utils/storage/session'),
  profile: () => import('@/utils/profile'),
  schemas: () => import('@/utils/skipcall/schemas'),
  plan: () => import('@/utils/diff/plan'),
  provenance: () => import('@/utils/diff/provenance'),
  history: () => import('@/utils/diff/history'),
  jobChange: () => import('@/utils/diff/job-change'),
  sequences: () => import('@/utils/sequences'),
  contact: () => import('@/utils/match/contact'),
  registrySchema: () => import('@/utils/match/registry-schema'),
  registry: () => import('@/utils/match/registry'),
  settings: () => import('@/utils/settings'),
  items: () => import('@/utils/storage/items'),
} as const;
type Modules = { [K in keyof typeof MODULES]: Awaited<ReturnType<(typeof MODULES)[K]>> };

async function loadAll(): Promise<Modules> {
  const entries = await Promise.all(Object.entries(MODULES).map(async ([name, load]) => [name, await load()] as const));
  return Object.fromEntries(entries) as Modules;
}

let real: Modules;
let withLite: Modules;
beforeAll(async () => {
  real = await loadAll();
  vi.resetModules();
  vi.doMock('zod/mini', () => import('@/utils/schema/lite'));
  withLite = await loadAll();
  vi.doUnmock('zod/mini');
  vi.resetModules();
});

type Parser = { safeParse(input: unknown): { success: boolean; data?: unknown } };
const isParser = (value: unknown): value is Parser => !!value && typeof (value as Parser).safeParse === 'function';

/** What a schema makes of a value: the same for zod and schema-lite. */
const outcome = (schema: Parser, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false };
};

// Values generated from a zod schema's definition: valid most of the time.
type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);

const WORDS = ['Lyon', 'Élodie', ' padded ', '', 'x', 'https://www.linkedin.com/in/elodie-marchand', '+33612345678', 'a\u200bb', 'c0ffee00-0000-4000-8000-000000000001', '12'];

function arbitraryOf(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum as number | undefined;
  const max = checks.find((c) => c.check === 'max_length')?.maximum as number | undefined;
  switch (def.type) {
    case 'string':
      return fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: min ?? 0, maxLength: Math.min(max ?? 20, 20) }), fc.constant('y'.repeat((max ?? 10) + 1)));
    case 'number': {
      const low = checks.find((c) => c.check === 'greater_than')?.value as number | undefined;
      const high = checks.find((c) => c.check === 'less_than')?.value as number | undefined;
      return fc.oneof(
        fc.integer({ min: low ?? -5, max: high ?? 2_000_000_000_000 }),
        fc.constantFrom(1.5, -1, 0, -0, 1e21, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'unknown':
      return fc.jsonValue({ maxDepth: 1 });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: arbitraryOf(def.innerType, depth) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: arbitraryOf(def.innerType, depth) });
    case 'default':
      return fc.oneof(fc.constant(undefined), arbitraryOf(def.innerType, depth));
    case 'array':
      return fc.array(arbitraryOf(def.element, depth + 1), { minLength: min ?? 0, maxLength: depth > 2 ? 1 : Math.min(max ?? 3, 3) });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => arbitraryOf(o, depth)));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, depth + 1)])), {
        requiredKeys: Object.keys(shape).filter((k) => !['optional', 'default'].includes(defOf(shape[k]).type)),
      });
    }
    case 'record': {
      const keyDef = defOf(def.keyType);
      const keys = keyDef.type === 'enum' ? fc.constantFrom(...Object.values(keyDef.entries as Record<string, string>)) : fc.constantFrom('city', 'headline_linkedin', '', '3', 'x y');
      return fc.dictionary(keys as fc.Arbitrary<string>, arbitraryOf(def.valueType, depth + 1), { maxKeys: depth > 2 ? 1 : 3 });
    }
    default:
      throw new Error(`no generator for a zod ${def.type}`);
  }
}

const REMOVE = Symbol('remove');
const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, null, REMOVE, NaN, Infinity, -0, 1.5, '', ' ', '__proto__', [], {}, { extra: 1 }),
);

/** The value with the part at one of its paths replaced (or removed), or an unknown key added to an object. */
function damage(value: unknown, pick: number, replacement: unknown, addKey: boolean): unknown {
  const paths: (string | number)[][] = [[]];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((item, i) => (paths.push([...path, i]), walk(item, [...path, i])));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths.push([...path, k]), walk(v, [...path, k]);
  };
  walk(value, []);
  const path = paths[pick % paths.length]!;
  if (!path.length) return replacement === REMOVE ? undefined : replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (addKey && parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>).unexpected = replacement;
  else if (replacement === REMOVE) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

function sameAnswers(name: string, zodSchema: unknown, liteSchema: Parser, sampleFrom: unknown = zodSchema, runs = 300) {
  let valid = 0;
  fc.assert(
    fc.property(arbitraryOf(sampleFrom), fc.nat(), odd, fc.boolean(), fc.boolean(), (sample, pick, replacement, addKey, damaged) => {
      const input = damaged ? damage(sample, pick, replacement, addKey) : sample;
      const expected = outcome(zodSchema as Parser, input);
      if (expected.success) valid++;
      expect(outcome(liteSchema, input), name).toStrictEqual(expected);
    }),
    { numRuns: runs, seed: 20261204 },
  );
  return valid;
}

describe('schema-lite answers as zod does', () => {
  it('on the building blocks, for any value', () => {
    const build = (s: typeof z) => [
      s.string().check(s.maxLength(3), s.trim(), s.minLength(1)),
      s.string().check(s.regex(/^[a-z]+$/)),
      s.int().check(s.gte(1), s.lte(10)),
      s.number().check(s.nonnegative()),
      s.object({ a: s.optional(s.string()), b: s.nullish(s.number()), c: s.unknown(), d: s._default(s.array(s.string()), []) }),
      s.strictObject({ kind: s.literal('x'), n: s.optional(s.boolean()) }),
      s.record(s.string().check(s.minLength(1)), s.union([s.string(), s.number()])),
      s.partialRecord(s.enum(['city', 'role']), s.object({ value: s.string() })),
      s.discriminatedUnion('kind', [s.object({ kind: s.literal('a'), a: s.string() }), s.object({ kind: s.literal(['b', 'c']) })]),
      s.nullable(s.enum(['one', 'two'])),
      s.array(s.int()).check(s.minLength(1), s.maxLength(2)),
    ];
    const zodSchemas = build(z);
    const liteSchemas = build(lite as unknown as typeof z);
    const inputs = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      odd,
      fc.record({ a: odd, b: odd, c: odd, d: odd, kind: fc.constantFrom('a', 'b', 'c', 'x', 'z'), n: odd, value: odd }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('city', 'role', '', '1', 'x'), fc.oneof(odd, fc.record({ value: fc.string() }))),
      fc.array(fc.oneof(fc.integer(), odd), { maxLength: 3 }),
    );
    zodSchemas.forEach((schema, i) => {
      fc.assert(
        fc.property(inputs, (input) => {
          expect(outcome(liteSchemas[i] as unknown as Parser, input), `schema ${i}`).toStrictEqual(outcome(schema as unknown as Parser, input));
        }),
        { numRuns: 400, seed: i + 1 },
      );
    });
  });

  it('on every storage.session item and every exported schema, valid and damaged', () => {
    let compared = 0;
    for (const [moduleName, module] of Object.entries(real)) {
      for (const [name, exported] of Object.entries(module)) {
        const liteExported = (withLite as Record<string, Record<string, unknown>>)[moduleName]![name];
        const pair: [unknown, unknown] | undefined = isParser(exported)
          ? [exported, liteExported]
          : exported && typeof exported === 'object' && isParser((exported as { schema?: unknown }).schema)
            ? [(exported as { schema: unknown }).schema, (liteExported as { schema: unknown }).schema]
            : undefined;
        if (!pair) continue;
        expect(isParser(pair[1]), `${moduleName}.${name} built with schema-lite`).toBe(true);
        const valid = sameAnswers(`${moduleName}.${name}`, pair[0], pair[1] as Parser);
        // The generated values reach past the top level: most schemas accept a good share of them.
        if (valid === 0) console.warn(`${moduleName}.${name}: no valid value generated`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('in the persistent items’ readers (settings, history, provenance, job changes, sequences, registry)', () => {
    const readers: [string, (m: Modules) => (stored: unknown) => unknown, unknown][] = [
      ['settings', (m) => m.items.settingsItem.read, z.object({ apiKey: z.string(), apiBaseUrl: z.string(), preferLinkedIn: z.array(z.string()), customFieldMap: z.record(z.string(), z.string()) })],
      ['history', (m) => m.items.historyItem.read, z.array(real.history.HistoryEntrySchema)],
      ['provenance', (m) => m.items.provenanceItem('c1').read, real.provenance.ContactProvenanceSchema],
      ['job changes', (m) => m.items.jobChangesItem.read, z.array(real.jobChange.JobChangeSeenSchema)],
      ['sequences', (m) => m.items.sequencesItem.read, z.object({ saved: z.array(real.sequences.SavedSequenceSchema), defaultId: z.optional(z.string()) })],
      ['registry', (m) => m.items.registryItem.read, z.unknown()],
      ['directory account', (m) => m.items.directoryAccountItem.read, z.string()],
    ];
    for (const [name, pick, sample] of readers) {
      const [zodRead, liteRead] = [pick(real), pick(withLite)];
      fc.assert(
        fc.property(arbitraryOf(sample), fc.nat(), odd, fc.boolean(), fc.boolean(), (value, at, replacement, addKey, damaged) => {
          const stored = damaged ? damage(value, at, replacement, addKey) : value;
          expect(liteRead(stored), name).toStrictEqual(zodRead(stored));
        }),
        { numRuns: 200, seed: 7 },
      );
    }
  });
});
