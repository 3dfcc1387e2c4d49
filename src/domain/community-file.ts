/**
 * The file a brand describes its community in (`entraide-server import <file.json>`; example
 * and format in examples/import/): the community, its categories with their fr/en labels and
 * holdback, and its FAQ articles. Checked with TypeBox, then for what a schema cannot say (one
 * label per locale, references between entries); every problem names its field.
 */
import { Type, type Static } from 'typebox';
import { FAQ_SLUG_PATTERN, isValidTimeZone, LIMITS, LOCALES, type Locale } from '../core/index.ts';
import { Line } from '../contract/index.ts';
import { NewFaqArticle } from '../contract/areas/knowledge.ts';
import { LocaleSchema } from '../contract/models.ts';
import { requestChecker, type RequestIssue } from './validation.ts';

const Slug = Type.String({ pattern: FAQ_SLUG_PATTERN, minLength: 2, maxLength: LIMITS.slugMax });
/** A week: past that, "community first" means advisors never step in. */
const HOLDBACK_MAX_MINUTES = 7 * 24 * 60;

/** One text per locale (`{ "fr": "…", "en": "…" }`); which locales are required depends on the community. */
const Labels = (maxLength: number) =>
  Type.Object(Object.fromEntries(LOCALES.map((locale) => [locale, Type.Optional(Line({ minLength: 1, maxLength }))])), { additionalProperties: false });

const CategoryEntry = Type.Object({
  slug: Slug,
  name: Labels(80),
  description: Type.Optional(Labels(300)),
  holdbackMinutes: Type.Integer({ minimum: 0, maximum: HOLDBACK_MAX_MINUTES }),
}, { additionalProperties: false });

const FaqEntry = Type.Object({
  ...Type.Omit(NewFaqArticle, ['categoryId']).properties,
  /** The slug of one of the file's categories. */
  category: Type.Optional(Slug),
}, { additionalProperties: false });

export const CommunityFileSchema = Type.Object({
  slug: Slug,
  name: Line({ minLength: 1, maxLength: 80 }),
  defaultLocale: LocaleSchema,
  locales: Type.Array(LocaleSchema, { minItems: 1, uniqueItems: true }),
  advisorSignature: Type.Optional(Type.String({ maxLength: 500 })),
  timeZone: Type.Optional(Line({ minLength: 1, maxLength: 64 })),
  categories: Type.Array(CategoryEntry, { minItems: 1, maxItems: 200 }),
  faq: Type.Optional(Type.Array(FaqEntry, { maxItems: 10_000 })),
}, { additionalProperties: false });

export type CommunityFile = Static<typeof CommunityFileSchema>;
export type CategoryEntry = Static<typeof CategoryEntry>;
export type FaqEntry = Static<typeof FaqEntry>;

export class CommunityFileError extends Error {
  override readonly name = 'CommunityFileError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The community file has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

const checkSchema = requestChecker(CommunityFileSchema, 'body');

/** The file's content as a community, or `CommunityFileError` listing every problem. */
export function readCommunityFile(content: unknown): CommunityFile {
  const checked = checkSchema(content);
  if ('error' in checked) throw new CommunityFileError(checked.error.flatMap(describe).filter(unique));
  const file = checked.value as CommunityFile;
  const problems = crossChecks(file);
  if (problems.length) throw new CommunityFileError(problems);
  return file;
}

const unique = (problem: string, index: number, all: string[]) => all.indexOf(problem) === index;

/** `/categories/1/name/en` → `categories[1].name.en`. */
export function fieldOf(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  const field = parts.map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : `${index ? '.' : ''}${part}`)).join('');
  return field || '(the file)';
}

const join = (pointer: string, name: string) => fieldOf(`${pointer}/${name}`);

/** One schema issue in words, by the field it concerns. */
function describe(issue: RequestIssue): string[] {
  const params = issue.params as { requiredProperties?: string[]; additionalProperties?: string[]; allowedValues?: unknown[]; pattern?: string };
  switch (issue.keyword) {
    case 'required':
      return (params.requiredProperties ?? []).map((name) => `${join(issue.instancePath, name)}: missing`);
    case 'additionalProperties':
      return (params.additionalProperties ?? []).map((name) => `${join(issue.instancePath, name)}: unknown field`);
    case 'boolean':
      return []; // the same unknown field, reported by its object above
    case 'enum':
      return [`${fieldOf(issue.instancePath)}: must be one of ${(params.allowedValues ?? []).join(', ')}`];
    case 'pattern':
      if (params.pattern === FAQ_SLUG_PATTERN) return [`${fieldOf(issue.instancePath)}: must be lowercase letters and digits in words joined by hyphens, e.g. "billing-help"`];
  }
  return [`${fieldOf(issue.instancePath)}: ${issue.message ?? 'is not valid'}`];
}

/** What the schema cannot say: locales agree, slugs are unique, references resolve. */
function crossChecks(file: CommunityFile): string[] {
  const problems: string[] = [];
  const locales = new Set<Locale>(file.locales);
  if (!locales.has(file.defaultLocale)) problems.push(`defaultLocale: "${file.defaultLocale}" is not in locales (${file.locales.join(', ')})`);
  if (file.timeZone !== undefined && !isValidTimeZone(file.timeZone)) problems.push(`timeZone: "${file.timeZone}" is not an IANA time zone such as Europe/Paris`);
  const categories = new Set<string>();
  file.categories.forEach((category, index) => {
    if (categories.has(category.slug)) problems.push(`categories[${index}].slug: "${category.slug}" appears twice`);
    categories.add(category.slug);
    for (const locale of file.locales) {
      if (!category.name[locale]) problems.push(`categories[${index}].name.${locale}: missing (the community's locales are ${file.locales.join(', ')})`);
    }
  });
  const articles = new Set<string>();
  (file.faq ?? []).forEach((article, index) => {
    const key = `${article.locale}:${article.slug}`;
    if (articles.has(key)) problems.push(`faq[${index}]: the ${article.locale} article "${article.slug}" appears twice`);
    articles.add(key);
    if (!locales.has(article.locale)) problems.push(`faq[${index}].locale: "${article.locale}" is not in locales (${file.locales.join(', ')})`);
    if (article.category !== undefined && !categories.has(article.category)) problems.push(`faq[${index}].category: no category "${article.category}" in this file`);
  });
  return problems;
}
