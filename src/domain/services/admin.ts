/**
 * The administration of the community and its categories (contract area "admin"). Each change
 * is check → one transaction (locked row, write, audit with before and after) → answer; a
 * refusal writes nothing. Settings the requests read from the community context are refreshed
 * in place once the change commits.
 */
import type { AdminCategory, AdminCategoryList, AdminCommunity, AdminCommunityChange, CategoryChange, CategoryOrder, NewCategory } from '../../contract/areas/admin.ts';
import { ApiError, cleanTranslations, COLLECTIVE_DEFAULTS, isValidTimeZone, DEFAULT_HOLDBACK_MINUTES, DEFAULT_JARGON, guardian, normalizeSynonyms, slugFrom, synonymProblems, type Actor, type Labels, type Locale } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import {
  adminCategoryRows, insertCategory, lockAdminCategory, lockCategoryOrder, readCommunitySettings, slugTaken, writeCategory, writeCategoryOrder,
  writeCommunitySettings, type AdminCategoryRow, type CommunitySettingsRow,
} from '../repo/admin.ts';
import { writeAudit } from '../repo/audit.ts';
import { refreshCommunity } from '../repo/community.ts';

const invalid = (path: string, message: string) => new ApiError('validation_failed', message, [{ path, message }]);

function toAdminCommunity(row: CommunitySettingsRow): AdminCommunity {
  const collective = row.collective_threshold !== null && row.collective_window_minutes !== null
    ? { threshold: row.collective_threshold, windowMinutes: row.collective_window_minutes } : null;
  return {
    id: row.id,
    name: row.name,
    locale: row.locale,
    locales: row.locales,
    advisorSignature: row.advisor_signature,
    advisorSignatureTranslations: row.advisor_signature_translations,
    timeZone: row.time_zone,
    jargon: row.jargon ?? [...new Set([...DEFAULT_JARGON.fr, ...DEFAULT_JARGON.en])],
    jargonIsDefault: row.jargon === null,
    collective: collective ?? { threshold: COLLECTIVE_DEFAULTS.threshold, windowMinutes: COLLECTIVE_DEFAULTS.windowMs / 60_000 },
    collectiveIsDefault: collective === null,
    synonyms: row.search_synonyms,
    notificationChannel: row.notification_channel,
  };
}

export async function getAdminCommunity({ db, community }: ServiceContext, { actor }: { actor: Actor }): Promise<AdminCommunity> {
  guardian(actor).admin.ensureAdminister();
  const row = await readCommunitySettings(db, community.id);
  if (!row) throw notFound('Community');
  return toAdminCommunity(row);
}

/** The settings after `change`, refused when the default locale would not be offered. */
function mergeSettings(row: CommunitySettingsRow, change: AdminCommunityChange): CommunitySettingsRow {
  const next: CommunitySettingsRow = { ...row };
  if (change.name !== undefined) next.name = change.name.trim();
  if (!next.name) throw invalid('/name', 'The community needs a name.');
  if (change.locale !== undefined) next.locale = change.locale;
  if (change.locales !== undefined) next.locales = [...change.locales];
  if (!next.locales.includes(next.locale)) throw invalid('/locales', `The default locale (${next.locale}) must be one of the locales the forum offers.`);
  if (change.advisorSignature !== undefined) next.advisor_signature = change.advisorSignature.trim();
  if (change.advisorSignatureTranslations !== undefined) next.advisor_signature_translations = change.advisorSignatureTranslations;
  // Checked on the merged row: a change of default locale moves nothing, so its old translation must not hide.
  if (next.advisor_signature_translations[next.locale]?.trim()) {
    throw invalid(`/advisorSignatureTranslations/${next.locale}`, `The signature in the default locale (${next.locale}) is advisorSignature.`);
  }
  next.advisor_signature_translations = cleanTranslations(next.advisor_signature_translations, next.locale);
  if (change.timeZone !== undefined) {
    if (!isValidTimeZone(change.timeZone.trim())) throw invalid('/timeZone', `"${change.timeZone}" is not a time zone; use an IANA name such as Europe/Paris.`);
    next.time_zone = change.timeZone.trim();
  }
  if (change.jargon !== undefined) next.jargon = change.jargon === null ? null : change.jargon.map((term) => term.trim());
  if (change.synonyms !== undefined) {
    const problems = synonymProblems(change.synonyms);
    if (problems.length) throw new ApiError('validation_failed', problems[0]!.message, problems.map((problem) => ({ path: `/synonyms${problem.path}`, message: problem.message })));
    next.search_synonyms = normalizeSynonyms(change.synonyms);
  }
  if (change.notificationChannel !== undefined) next.notification_channel = change.notificationChannel;
  if (change.collective !== undefined) {
    next.collective_threshold = change.collective?.threshold ?? null;
    next.collective_window_minutes = change.collective?.windowMinutes ?? null;
  }
  return next;
}

export async function updateAdminCommunity({ db, community }: ServiceContext, { actor, body }: { actor: Actor; body: AdminCommunityChange }): Promise<AdminCommunity> {
  const admin = guardian(actor).admin.ensureAdminister();
  const next = await db.transaction(async (tx) => {
    const row = await readCommunitySettings(tx, community.id, true);
    if (!row) throw notFound('Community');
    const merged = mergeSettings(row, body);
    await writeCommunitySettings(tx, merged);
    const changed = Object.keys(body) as Array<keyof AdminCommunityChange>;
    const before = toAdminCommunity(row);
    const after = toAdminCommunity(merged);
    await writeAudit(tx, {
      actorId: admin.memberId, action: 'community.update', targetType: 'community', targetId: community.id, communityId: community.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])), after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
    return merged;
  });
  await refreshCommunity(db, community);
  return toAdminCommunity(next);
}

function toAdminCategory(row: AdminCategoryRow): AdminCategory {
  return {
    id: row.id, slug: row.slug, name: row.name, description: row.description, position: row.position, holdbackMinutes: row.holdback_minutes,
    accountAccess: row.account_access, archived: row.archived, threadCount: row.thread_count,
  };
}

export async function listAdminCategories({ db, community }: ServiceContext, { actor }: { actor: Actor }): Promise<AdminCategoryList> {
  guardian(actor).admin.ensureAdminister();
  return { items: (await adminCategoryRows(db, community.id)).map(toAdminCategory) };
}

/** Labels trimmed, blanks dropped; the default locale's required when `required`. */
function cleanLabels(labels: Labels, locale: Locale, path: string, required: boolean): Labels {
  const clean: Labels = {};
  for (const [code, text] of Object.entries(labels) as Array<[Locale, string | undefined]>) if (text?.trim()) clean[code] = text.trim();
  if (required && !clean[locale]) throw invalid(`${path}/${locale}`, `Give it a name in the community's default locale (${locale}).`);
  return clean;
}

export async function createCategory({ db, community }: ServiceContext, { actor, body }: { actor: Actor; body: NewCategory }): Promise<AdminCategory> {
  const admin = guardian(actor).admin.ensureAdminister();
  const name = cleanLabels(body.name, community.locale, '/name', true);
  const slug = body.slug ?? slugFrom(name[community.locale]!);
  if (!slug) throw invalid('/slug', 'The name has no letter or digit to make an address from: give a slug.');
  const row = await db.transaction(async (tx) => {
    if (await slugTaken(tx, community.id, slug)) throw new ApiError('conflict', `A category already has the address "${slug}": choose another slug.`);
    const created = await insertCategory(tx, community.id, {
      slug, name, description: cleanLabels(body.description ?? {}, community.locale, '/description', false),
      holdbackMinutes: body.holdbackMinutes ?? DEFAULT_HOLDBACK_MINUTES, accountAccess: body.accountAccess ?? 'asker',
    });
    await writeAudit(tx, { actorId: admin.memberId, action: 'category.create', targetType: 'category', targetId: created.id, communityId: community.id, after: toAdminCategory(created) });
    return created;
  });
  return toAdminCategory(row);
}

export async function updateCategory(
  { db, community }: ServiceContext, { actor, categoryId, body }: { actor: Actor; categoryId: number; body: CategoryChange },
): Promise<AdminCategory> {
  const admin = guardian(actor).admin.ensureAdminister();
  const row = await db.transaction(async (tx) => {
    const current = await lockAdminCategory(tx, community.id, categoryId);
    if (!current) throw notFound(`Category ${categoryId}`);
    const next: AdminCategoryRow = { ...current };
    if (body.name) next.name = cleanLabels(body.name, community.locale, '/name', true);
    if (body.description) next.description = cleanLabels(body.description, community.locale, '/description', false);
    if (body.holdbackMinutes !== undefined) next.holdback_minutes = body.holdbackMinutes;
    if (body.accountAccess !== undefined) next.account_access = body.accountAccess;
    if (body.archived !== undefined) next.archived = body.archived;
    const written = await writeCategory(tx, next);
    const action = body.archived === undefined || body.archived === current.archived ? 'category.update' : body.archived ? 'category.archive' : 'category.restore';
    await writeAudit(tx, {
      actorId: admin.memberId, action, targetType: 'category', targetId: categoryId, communityId: community.id,
      before: toAdminCategory(current), after: toAdminCategory(written),
    });
    return written;
  });
  return toAdminCategory(row);
}

export async function reorderCategories({ db, community }: ServiceContext, { actor, body }: { actor: Actor; body: CategoryOrder }): Promise<AdminCategoryList> {
  const admin = guardian(actor).admin.ensureAdminister();
  await db.transaction(async (tx) => {
    const current = await lockCategoryOrder(tx, community.id);
    const wanted = new Set(body.categoryIds);
    if (wanted.size !== current.length || current.some((id) => !wanted.has(id))) {
      throw invalid('/categoryIds', `List every category of the community exactly once (${current.length}).`);
    }
    await writeCategoryOrder(tx, community.id, body.categoryIds);
    await writeAudit(tx, {
      actorId: admin.memberId, action: 'category.reorder', targetType: 'community', targetId: community.id, communityId: community.id,
      before: { categoryIds: current }, after: { categoryIds: body.categoryIds },
    });
  });
  return { items: (await adminCategoryRows(db, community.id)).map(toAdminCategory) };
}
