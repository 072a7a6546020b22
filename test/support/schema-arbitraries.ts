// fast-check arbitraries derived from the JSON Schemas of the OpenAPI document: values that fit a
// schema but are odd (boundary lengths, emoji, full-width text, leap days), and values that break
// it (wrong types, lone surrogates, impossible dates, missing fields, over-long text) — a broken
// value is kept only when the schema itself refuses it (ajv, draft 2020-12), so it is invalid by
// construction, whatever the generator drew.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

export type Schema = Record<string, unknown> & {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);
const compiled = new WeakMap<Schema, (v: unknown) => boolean>();

export function fitsSchema(schema: Schema, value: unknown): boolean {
  let check = compiled.get(schema);
  if (!check) {
    const fn = ajv.compile(schema);
    check = (v: unknown) => fn(v);
    compiled.set(schema, check);
  }
  return check(value);
}

/** Odd text: emoji, full-width and half-width kana, combining marks, RTL, NUL-free control-ish. */
const oddText = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' }),
    fc.constantFrom('山田 花子', 'ﾔﾏﾀﾞ', 'Ａ１－２', '😀👍🏽', 'e\u0301', 'שלום', ' ', '\u3000').filter((s) => s.length >= min && s.length <= max),
    fc.constant('あ'.repeat(Math.max(min, Math.min(max, 4096)))),
  );

const ODD_INSTANTS = ['2024-02-29T23:59:59+09:00', '2026-12-31T15:00:00Z', '2026-01-01T00:00:00.123456+14:00', '2000-01-01T00:00:00-12:00'];
const ODD_DATES = ['2024-02-29', '2026-12-31', '2000-01-01', '2026-11-30'];

function stringFitting(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 300;
  if (s.format === 'date-time') return fc.constantFrom(...ODD_INSTANTS);
  if (s.format === 'date') return fc.constantFrom(...ODD_DATES);
  if (s.format === 'uri' || s.format === 'url') return fc.constantFrom('https://secure.freee.co.jp/hr/requests/1', 'https://p.secure.freee.co.jp/a?b=c#d');
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
    } catch {
      return oddText(min, max);
    }
  }
  return oddText(min, max);
}

/** A value that fits `schema` (best effort: what the generator cannot honour is filtered later). */
export function fitting(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => fitting(s, depth)));
  if (schema.allOf?.[0]) return fitting(schema.allOf[0], depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFitting(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e9, -1e12), max: Math.min(schema.maximum ?? 1e9, 1e12) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? fitting(schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fitting(v, depth + 1)])), { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: depth > 2 ? 0 : 1 });
  }
}

/** Values no field of renkei should take as they are. */
const BAD_LEAVES: unknown[] = ['', '\ud800', 'a\udfffb', '2026-13-45', '2026-02-31', '9999-99-99', '2026-02-31T10:00:00+09:00', 'not a url', '%', '%E0%A4%A', 'x'.repeat(5000), -1, 1.5, 1e308, true, null, {}, [], ['\ud800']];

type Path = Array<string | number>;

function leaves(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    out.push(path);
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  } else out.push(path);
  return out;
}

function replaced(value: unknown, path: Path, by: unknown, drop: boolean): unknown {
  if (path.length === 0) return by;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  if (rest.length === 0 && drop) delete copy[head];
  else copy[head] = replaced(copy[head], rest, by, drop);
  return copy;
}

/** A value `schema` refuses: a fitting value with one field replaced, dropped or the whole replaced. */
export function breaking(schema: Schema): fc.Arbitrary<unknown> {
  return fitting(schema)
    .chain((good) => {
      const paths = leaves(good);
      return fc.tuple(fc.constant(good), fc.constantFrom(...paths), fc.constantFrom(...BAD_LEAVES), fc.boolean());
    })
    .map(([good, path, bad, drop]) => replaced(good, path, bad, drop && path.length > 0))
    .filter((v) => !fitsSchema(schema, v));
}
