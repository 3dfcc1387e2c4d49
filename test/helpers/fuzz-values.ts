/**
 * fast-check arbitraries read off the contract's own JSON Schemas (TypeBox schemas are JSON
 * Schema): `valid` gives values the schema accepts, `hostile` mostly valid ones with some
 * parts swapped for boundary numbers, numeric strings, unstorable text, wrong types, missing,
 * extra or duplicate items. Ids are drawn mostly from rows that exist (see `Pick`).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { SINGLE_LINE_PATTERN } from '../../src/core/text.ts';

type Schema = Record<string, unknown>;
type Arb = fc.Arbitrary<unknown>;

/** An existing row's id (or FAQ slug), chosen when the request is sent: `pool[n % pool.length]`. */
export class Pick {
  readonly pool: string;
  readonly n: number;
  constructor(pool: string, n: number) {
    this.pool = pool;
    this.n = n;
  }
}

/** A path or query value sent exactly as written (already percent-encoded, or deliberately not). */
export class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** Which pool an id field draws from, by its name in the contract. */
const POOL_OF: Record<string, string> = {
  threadId: 'threads', intoThreadId: 'threads', threadIds: 'threads',
  postId: 'posts', citedPostIds: 'posts',
  memberId: 'members', authorId: 'members', assistedByIds: 'members', colleagueIds: 'members', memberIds: 'members', targetId: 'members',
  categoryId: 'categories', incidentId: 'incidents', articleId: 'faq', faqArticleIds: 'faq', slug: 'slugs',
  conversationId: 'conversations', draftId: 'drafts', notificationId: 'notifications', cursor: 'cursors',
};

const INT_MAX = 2 ** 31 - 1;
const BOUNDARY_NUMBERS = [0, -1, 1, INT_MAX, INT_MAX + 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 31) - 1, 1.5, 0.1, -0, 1e308, Number.MIN_VALUE];
const NUMERIC_TEXT = ['1.5', '0x10', '1e1', '+1', ' 1', '1 ', '01', '', '-1', '0', '2147483647', '2147483648', '9'.repeat(40), 'true', 'NaN', 'Infinity', '1_000', '١'];
const BIG = 100_000;
const HOSTILE_TEXT = [
  '', ' ', 'a\u0000b', '\u0000', 'tab\there', 'line\nbreak', 'esc\u001b[31m', 'del\u007f', 'bell\u0007', '\ud800', 'x\udc00y', '\udbff\udfff', '😀\ud83d',
  'a'.repeat(BIG), 'é'.repeat(BIG / 2), '\u202e' + 'rtl', '<script>alert(1)</script>', "'; drop table posts; --", '%00', '\\u0000', 'ʀ'.repeat(300),
  // Full-text and LIKE syntax a search must treat as words.
  'a & b | !c', 'forfait:*', '(box', '<->', "it's", '"quoted', '100%_\\', '\\', '!!!', ':', '&', 'e\u0301te\u0301', 'ﬁbre', 'İstanbul', '🇫🇷 réseau',
];
const HOSTILE_DATES = ['2024-13-45T99:99:99Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:60Z', '275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z', '2024-02-30T00:00:00Z', 'now', '1e1'];
const WRONG_TYPES: unknown[] = [null, true, false, 0, 1.5, '1', [], [1], {}, { a: 1 }];

/** Text that does not compress (PostgreSQL compresses long index entries), the same on every run. */
export function incompressible(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i += 1) text += createHash('sha256').update(String(i)).digest('base64url');
  return text.slice(0, length);
}

const idPick = (pool: string): Arb => fc.nat().map((n) => new Pick(pool, n));

function integerArb(schema: Schema, name: string): Arb {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -(2 ** 31);
  const max = typeof schema.maximum === 'number' ? schema.maximum : INT_MAX;
  const range = fc.integer({ min, max });
  const pool = POOL_OF[name];
  return pool ? fc.oneof({ weight: 5, arbitrary: idPick(pool) }, { weight: 1, arbitrary: range }) : range;
}

function stringArb(schema: Schema, name: string): Arb {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 80, 80);
  if (schema.format === 'date-time') {
    // Mostly recent instants; sometimes any a four-digit year can write, year 0 included.
    const recent = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true });
    const any = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    return fc.oneof({ weight: 3, arbitrary: recent }, { weight: 1, arbitrary: any }).map((d) => d.toISOString());
  }
  const pool = POOL_OF[name];
  if (pool) return fc.oneof({ weight: 5, arbitrary: idPick(pool) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{2,8}(-[a-z0-9]{1,8})?$/) });
  const fits = (s: string) => s.length >= minLength && s.length <= (typeof schema.maxLength === 'number' ? schema.maxLength : Infinity);
  const words = fc.array(fc.constantFrom('Bonjour', 'forfait', 'réseau', 'box', 'panne', 'facture', '4G', 'merci', 'SIM', '**gras**', '?'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
  if (schema.pattern === SINGLE_LINE_PATTERN) return fc.oneof(words, fc.string({ minLength, maxLength, unit: 'grapheme-ascii' })).filter((s) => fits(s) && new RegExp(SINGLE_LINE_PATTERN).test(s));
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.oneof(words, fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' })).filter(fits);
}

function objectArb(schema: Schema, mode: 'valid' | 'hostile'): Arb {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const of = mode === 'valid' ? valid : hostile;
  const entries = Object.entries(properties).map(([key, property]) => {
    const arb = of(property, key);
    // Optional fields: present half the time, so both paths are walked.
    return fc.tuple(fc.constant(key), required.has(key) ? arb.map((v) => ({ v })) : fc.option(arb.map((v) => ({ v })), { nil: undefined }));
  });
  const base = fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, box]) => box !== undefined).map(([key, box]) => [key, box!.v])));
  if (mode === 'valid') return base;
  const keys = Object.keys(properties);
  return fc.oneof(
    { weight: 6, arbitrary: base },
    // A required field missing.
    { weight: 1, arbitrary: fc.tuple(base, fc.constantFrom('', ...keys)).map(([o, key]) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))) },
    // An extra field, some with names a careless merge would trip over.
    { weight: 1, arbitrary: fc.tuple(base, fc.constantFrom('extra', 'constructor', 'toString', 'id', 'a\u0000b', '\ud800'), fc.constantFrom<unknown>(1, 'x', null, {})).map(([o, key, v]) => ({ ...o, [key]: v })) },
  );
}

/** A value `schema` accepts (ids as `Pick`s). */
export function valid(schema: Schema, name = ''): Arb {
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map((member) => valid(member, name)));
  if (Array.isArray(schema.allOf)) return valid(merged(schema.allOf as Schema[]), name);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  switch (schema.type) {
    case 'integer': return integerArb(schema, name);
    case 'number': return fc.double({ min: (schema.minimum as number | undefined) ?? -1e6, max: (schema.maximum as number | undefined) ?? 1e6, noNaN: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'string': return stringArb(schema, name);
    case 'array': {
      const items = valid((schema.items ?? {}) as Schema, name);
      const minLength = (schema.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((schema.maxItems as number | undefined) ?? 5, Math.max(minLength, 5));
      return schema.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
    }
    case 'object': return objectArb(schema, 'valid');
    default: return fc.constantFrom<unknown>('x', 1, true, null);
  }
}

/** What a field of this type should never be given: boundary numbers, numeric strings, bad text, wrong types. */
function hostileLeaf(schema: Schema, name: string): Arb {
  const wrong = fc.constantFrom(...WRONG_TYPES);
  switch (schema.type) {
    case 'integer':
    case 'number': return fc.oneof(fc.constantFrom(...BOUNDARY_NUMBERS), fc.constantFrom(...NUMERIC_TEXT), wrong);
    case 'string': return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_DATES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }, { weight: 1, arbitrary: wrong });
    case 'array': {
      const item = valid((schema.items ?? {}) as Schema, name);
      return fc.oneof(
        item.map((v) => [v, v]), // duplicates
        fc.array(item, { minLength: 600, maxLength: 1200 }),
        fc.array(hostile((schema.items ?? {}) as Schema, name), { minLength: 1, maxLength: 4 }),
        wrong,
      );
    }
    default: return fc.oneof(fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.length < 100)), wrong);
  }
}

/** Mostly valid; sometimes, anywhere in the tree, a hostile part. */
export function hostile(schema: Schema, name = ''): Arb {
  if (schema.type === 'object' && !Array.isArray(schema.anyOf)) return fc.oneof({ weight: 8, arbitrary: objectArb(schema, 'hostile') }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'text', 42, [{}]) });
  if (schema.type === 'array') {
    const items = hostile((schema.items ?? {}) as Schema, name);
    const minLength = (schema.minItems as number | undefined) ?? 0;
    return fc.oneof({ weight: 4, arbitrary: fc.array(items, { minLength, maxLength: Math.max(minLength, 4) }) }, { weight: 1, arbitrary: hostileLeaf(schema, name) });
  }
  return fc.oneof({ weight: 4, arbitrary: valid(schema, name) }, { weight: 1, arbitrary: hostileLeaf(schema, name) });
}

/** Path and query values as they travel: text, sometimes one a client should never send. */
export function hostileText(schema: Schema, name: string): Arb {
  const asText = hostile(schema, name).map((v) => (v instanceof Pick ? v : typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
  const raw = fc.constantFrom('%00', '%ED%A0%80', '%FF', '%', '%2F', '1%00', '%C0%AF', '1%20', '..', '1;2').map((t) => new Raw(t));
  return fc.oneof({ weight: 6, arbitrary: asText }, { weight: 1, arbitrary: fc.constantFrom(...NUMERIC_TEXT) }, { weight: 1, arbitrary: raw });
}

/** A path's params or a querystring: each value as text; sometimes a key repeated or one the route does not know. */
export function hostileTextRecord(schema: Schema): fc.Arbitrary<Array<[string, unknown]>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const entries = Object.entries(properties).map(([key, property]) => {
    const value = hostileText(property, key).map((v): [string, unknown] => [key, v]);
    return required.has(key) ? value.map((e) => [e]) : fc.option(value.map((e) => [e]), { nil: [] as Array<[string, unknown]>, freq: 2 });
  });
  const base = fc.tuple(...entries).map((groups) => groups.flat());
  return fc.oneof(
    { weight: 8, arbitrary: base },
    { weight: 1, arbitrary: base.map((pairs) => [...pairs, ...pairs]) }, // every key twice
    { weight: 1, arbitrary: base.map((pairs): Array<[string, unknown]> => [...pairs, ['unknown', 'x'], ['a\u0000', '1']]) },
  );
}

/** A path's params or a querystring the schema accepts, each value as text (optional ones half the time). */
export function validTextRecord(schema: Schema): fc.Arbitrary<Array<[string, unknown]>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const entries = Object.entries(properties).map(([key, property]) => {
    const value = valid(property, key).map((v): Array<[string, unknown]> => [[key, v]]);
    return required.has(key) ? value : fc.option(value, { nil: [] as Array<[string, unknown]> });
  });
  return fc.tuple(...entries).map((groups) => groups.flat());
}

function merged(members: Schema[]): Schema {
  const properties = Object.assign({}, ...members.map((m) => m.properties ?? {})) as Schema;
  return { type: 'object', properties, required: members.flatMap((m) => (m.required ?? []) as string[]) };
}
