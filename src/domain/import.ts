/**
 * Imports a community file (community-file.ts) in one transaction: the community by slug, its
 * categories by slug, its FAQ articles by locale and slug. Running it again with the same file
 * changes nothing; with an edited file it updates what changed. Nothing is ever deleted: a
 * category or article missing from the file stays as it is (threads may live in it).
 */
import type { Locale } from '../core/index.ts';
import type { CategoryEntry, CommunityFile, FaqEntry } from './community-file.ts';
import type { Database, Queryable } from './database.ts';
import { renderMarkdown } from './markdown.ts';
import { insertArticle, updateArticle } from './repo/faq.ts';
import {
  articlesOf, categoriesOf, findCommunityBySlug, insertCategory, insertCommunity, updateCategory, updateCommunity,
  type ArticleRow, type CategoryFields, type CategoryRow, type CommunityRow, type CommunitySettings,
} from './repo/import.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';
export type Tally = Record<Outcome, number>;

export interface ImportSummary {
  communityId: number;
  community: Outcome;
  categories: Tally;
  faq: Tally;
}

export interface ImportOptions {
  /** Called after each category and article. */
  onProgress?: (done: number, total: number) => void;
}

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });

/** All or nothing: one transaction. */
export function importCommunity(db: Database, file: CommunityFile, options: ImportOptions = {}): Promise<ImportSummary> {
  return db.transaction((tx) => importInto(tx, file, options));
}

async function importInto(tx: Queryable, file: CommunityFile, options: ImportOptions): Promise<ImportSummary> {
  const { id: communityId, outcome } = await upsertCommunity(tx, file);
  const total = file.categories.length + (file.faq?.length ?? 0);
  let done = 0;
  const step = () => options.onProgress?.((done += 1), total);

  const categories = tally();
  const existing = new Map((await categoriesOf(tx, communityId)).map((row) => [row.slug, row]));
  const categoryIds = new Map<string, number>();
  for (const [index, entry] of file.categories.entries()) {
    const written = await upsertCategory(tx, communityId, existing.get(entry.slug), categoryFields(entry, index));
    categoryIds.set(entry.slug, written.id);
    categories[written.outcome] += 1;
    step();
  }

  const faq = tally();
  const articles = new Map((await articlesOf(tx, communityId)).map((row) => [`${row.locale}:${row.slug}`, row]));
  for (const entry of file.faq ?? []) {
    const categoryId = entry.category === undefined ? null : (categoryIds.get(entry.category) ?? null);
    faq[await upsertArticle(tx, communityId, articles.get(`${entry.locale}:${entry.slug}`), entry, categoryId)] += 1;
    step();
  }
  return { communityId, community: outcome, categories, faq };
}

async function upsertCommunity(tx: Queryable, file: CommunityFile): Promise<{ id: number; outcome: Outcome }> {
  const settings = { name: file.name, locale: file.defaultLocale, locales: [...file.locales], advisorSignature: file.advisorSignature, timeZone: file.timeZone };
  const row = await findCommunityBySlug(tx, file.slug);
  if (!row) {
    const id = await insertCommunity(tx, file.slug, file.name);
    await updateCommunity(tx, id, settings);
    return { id, outcome: 'created' };
  }
  if (sameCommunity(row, settings)) return { id: row.id, outcome: 'unchanged' };
  await updateCommunity(tx, row.id, settings);
  return { id: row.id, outcome: 'updated' };
}

/** Optional settings left out of the file keep their stored value. */
function sameCommunity(row: CommunityRow, settings: CommunitySettings): boolean {
  return row.name === settings.name && row.locale === settings.locale && row.locales.join() === settings.locales.join()
    && (settings.advisorSignature === undefined || row.advisor_signature === settings.advisorSignature)
    && (settings.timeZone === undefined || row.time_zone === settings.timeZone);
}

function categoryFields(entry: CategoryEntry, index: number): CategoryFields {
  // Written in the file's order: the forum lists categories by position.
  return { slug: entry.slug, name: defined(entry.name), description: defined(entry.description ?? {}), position: index + 1, holdbackMinutes: entry.holdbackMinutes };
}

/** Labels without the locales left out, so that `{}` and a missing key compare equal. */
function defined(labels: Partial<Record<Locale, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string] => entry[1] !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}

const sameLabels = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(defined(a)) === JSON.stringify(defined(b));

async function upsertCategory(tx: Queryable, communityId: number, row: CategoryRow | undefined, fields: CategoryFields): Promise<{ id: number; outcome: Outcome }> {
  if (!row) return { id: await insertCategory(tx, communityId, fields), outcome: 'created' };
  const same = sameLabels(row.name, fields.name) && sameLabels(row.description, fields.description)
    && row.position === fields.position && row.holdback_minutes === fields.holdbackMinutes;
  if (!same) await updateCategory(tx, row.id, fields);
  return { id: row.id, outcome: same ? 'unchanged' : 'updated' };
}

async function upsertArticle(tx: Queryable, communityId: number, row: ArticleRow | undefined, entry: FaqEntry, categoryId: number | null): Promise<Outcome> {
  const summary = entry.summary ?? '';
  if (row && row.category_id === categoryId && row.title === entry.title && row.summary === summary && row.body_md === entry.bodyMd) return 'unchanged';
  // Rendered once, on write, like every article an advisor writes.
  const fields = { slug: entry.slug, locale: entry.locale, categoryId, title: entry.title, summary, bodyMd: entry.bodyMd, bodyHtml: renderMarkdown(entry.bodyMd) };
  if (row) await updateArticle(tx, row.id, fields);
  else await insertArticle(tx, communityId, fields);
  return row ? 'updated' : 'created';
}
