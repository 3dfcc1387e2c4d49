/**
 * Routes of the "admin" area: what a brand's community manager (role `admin`) sets without the
 * demo seed — the community's name and locales, its categories, the rank ladder, the advisor
 * signature, the jargon list, the collective-problem thresholds, trusted members and the team.
 * Every change is audited with the state before and after (`GET /audit`). Merged into `routes`
 * by ../routes.ts.
 */
import { Type, type Static } from 'typebox';
import { ACCOUNT_ACCESS, ADMIN_LIMITS, MODERATION_POWERS, NOTIFICATION_CHANNELS, SYNONYM_LIMITS } from '../../core/index.ts';
import { errorResponses as errors, Id, Line, Timestamp } from '../common.ts';
import { Author, LocaleSchema } from '../models.ts';

const Name = Line({ minLength: 1, maxLength: ADMIN_LIMITS.nameMax });
/** A label in each locale the admin writes; the community's default locale is required where the route says so. */
const Labels = (max: number, minLength = 1) =>
  Type.Object({ fr: Type.Optional(Line({ minLength, maxLength: max })), en: Type.Optional(Line({ minLength, maxLength: max })) }, { additionalProperties: false });
const Collective = Type.Object(
  {
    /** Signals (new threads, "same problem" marks) that make an alert. */
    threshold: Type.Integer({ minimum: 2, maximum: 1000 }),
    /** The window they must fall in. */
    windowMinutes: Type.Integer({ minimum: 5, maximum: 7 * 24 * 60 }),
  },
  { additionalProperties: false },
);

export const AccountAccessSchema = Type.Enum(ACCOUNT_ACCESS);

export const AdminCommunity = Type.Object({
  id: Id,
  name: Type.String(),
  /** The default locale: the one every label must have. */
  locale: LocaleSchema,
  /** The locales the forum offers; `locale` is one of them. */
  locales: Type.Array(LocaleSchema),
  /** Markdown appended to advisor posts, in the default locale. */
  advisorSignature: Type.String(),
  /** The signature in the other locales (`{ en: "…" }`): readers of an advisor post in that language get it; absent means the default one. */
  advisorSignatureTranslations: Type.Object({ fr: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
  /** The community's IANA time zone (e.g. `Europe/Paris`): the weekly plan, the daily digest's day and e-mail dates follow it. */
  timeZone: Type.String(),
  /** The jargon list of the advisors' clarity tips (the default list unless `jargonIsDefault` is false). */
  jargon: Type.Array(Type.String()),
  jargonIsDefault: Type.Boolean(),
  collective: Collective,
  collectiveIsDefault: Type.Boolean(),
  /** Groups of words search treats as one ("roaming", "itinérance"), lower-case. */
  synonyms: Type.Array(Type.Array(Type.String())),
  /** How notifications leave the forum: `email` (the server's SMTP) or `webhook` (a signed `notification.created` event to the community's webhooks, for a brand's own mailer). */
  notificationChannel: Type.Enum(NOTIFICATION_CHANNELS),
});
export type AdminCommunity = Static<typeof AdminCommunity>;

export const AdminCommunityChange = Type.Object(
  {
    name: Type.Optional(Name),
    locale: Type.Optional(LocaleSchema),
    locales: Type.Optional(Type.Array(LocaleSchema, { minItems: 1, maxItems: 2, uniqueItems: true })),
    advisorSignature: Type.Optional(Type.String({ maxLength: ADMIN_LIMITS.signatureMax })),
    /** The whole map of other-locale signatures; an empty text removes that locale's. Not the default locale (that is `advisorSignature`). */
    advisorSignatureTranslations: Type.Optional(Type.Object(
      { fr: Type.Optional(Type.String({ maxLength: ADMIN_LIMITS.signatureMax })), en: Type.Optional(Type.String({ maxLength: ADMIN_LIMITS.signatureMax })) },
      { additionalProperties: false },
    )),
    /** An IANA time zone Intl knows, e.g. `Europe/Paris` or `America/Montreal`. */
    timeZone: Type.Optional(Line({ minLength: 1, maxLength: 64 })),
    /** Null: back to the default list. */
    jargon: Type.Optional(Type.Union([Type.Array(Line({ minLength: 1, maxLength: 60 }), { maxItems: ADMIN_LIMITS.jargonMax, uniqueItems: true }), Type.Null()])),
    /** Null: back to the defaults. */
    collective: Type.Optional(Type.Union([Collective, Type.Null()])),
    /** The whole synonym list: groups of one-word entries (letters and digits), no word in two groups. */
    synonyms: Type.Optional(Type.Array(
      Type.Array(Line({ minLength: 2, maxLength: SYNONYM_LIMITS.wordMax }), { minItems: SYNONYM_LIMITS.wordsPerGroupMin, maxItems: SYNONYM_LIMITS.wordsPerGroupMax }),
      { maxItems: SYNONYM_LIMITS.groupsMax },
    )),
    notificationChannel: Type.Optional(Type.Enum(NOTIFICATION_CHANNELS)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AdminCommunityChange = Static<typeof AdminCommunityChange>;

export const AdminCategory = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Labels(ADMIN_LIMITS.categoryNameMax),
  description: Labels(ADMIN_LIMITS.categoryDescriptionMax, 0),
  /** 0-based place in the forum's list. */
  position: Type.Integer({ minimum: 0 }),
  holdbackMinutes: Type.Integer({ minimum: 0 }),
  accountAccess: AccountAccessSchema,
  archived: Type.Boolean(),
  threadCount: Type.Integer({ minimum: 0 }),
});
export type AdminCategory = Static<typeof AdminCategory>;
export const AdminCategoryList = Type.Object({ items: Type.Array(AdminCategory) });
export type AdminCategoryList = Static<typeof AdminCategoryList>;

const HoldbackMinutes = Type.Integer({ minimum: 0, maximum: ADMIN_LIMITS.holdbackMaxMinutes });
export const NewCategory = Type.Object(
  {
    /** Lower-case letters, digits and dashes; made from the name when absent. */
    slug: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' })),
    name: Labels(ADMIN_LIMITS.categoryNameMax),
    description: Type.Optional(Labels(ADMIN_LIMITS.categoryDescriptionMax, 0)),
    holdbackMinutes: Type.Optional(HoldbackMinutes),
    accountAccess: Type.Optional(AccountAccessSchema),
  },
  { additionalProperties: false },
);
export type NewCategory = Static<typeof NewCategory>;
export const CategoryChange = Type.Object(
  {
    name: Type.Optional(Labels(ADMIN_LIMITS.categoryNameMax)),
    description: Type.Optional(Labels(ADMIN_LIMITS.categoryDescriptionMax, 0)),
    holdbackMinutes: Type.Optional(HoldbackMinutes),
    accountAccess: Type.Optional(AccountAccessSchema),
    /** True hides it from the forum and refuses new questions; its threads stay readable. */
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CategoryChange = Static<typeof CategoryChange>;
export const CategoryOrder = Type.Object({ categoryIds: Type.Array(Id, { minItems: 1, maxItems: ADMIN_LIMITS.categoriesMax, uniqueItems: true }) }, { additionalProperties: false });
export type CategoryOrder = Static<typeof CategoryOrder>;

const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
export const AdminRankLadder = Type.Object(
  {
    weights: Type.Object(
      { post: Count, acceptedAnswer: Count, kudos: Count, confirmedAnswer: Count },
      { additionalProperties: false },
    ),
    /** Level 1 first; level 1 needs nothing; each level needs at least what the one below does. */
    steps: Type.Array(
      Type.Object({ names: Labels(ADMIN_LIMITS.rankNameMax), minScore: Count, minDays: Type.Integer({ minimum: 0, maximum: 36_500 }) }, { additionalProperties: false }),
      { minItems: 1, maxItems: ADMIN_LIMITS.rankStepsMax },
    ),
  },
  { additionalProperties: false },
);
export type AdminRankLadder = Static<typeof AdminRankLadder>;
export const RankLadderView = Type.Object({
  ladder: AdminRankLadder,
  isDefault: Type.Boolean(),
  /** Members (not staff) on each level, level 1 first, counted now. */
  members: Type.Array(Type.Integer({ minimum: 0 })),
});
export type RankLadderView = Static<typeof RankLadderView>;
export const RankPreview = Type.Object({ members: Type.Array(Type.Integer({ minimum: 0 })) });
export type RankPreview = Static<typeof RankPreview>;

export const TrustedMember = Type.Object({ member: Author, powers: Type.Array(Type.Enum(MODERATION_POWERS)), grantedAt: Timestamp });
export const TrustedMemberList = Type.Object({ items: Type.Array(TrustedMember) });
export type TrustedMemberList = Static<typeof TrustedMemberList>;
export const MemberSearch = Type.Object({ items: Type.Array(Author) });
export type MemberSearch = Static<typeof MemberSearch>;

export const TeamMember = Type.Object({ member: Author, expertiseCategoryIds: Type.Array(Id) });
export type TeamMember = Static<typeof TeamMember>;
export const TeamList = Type.Object({
  /** Advisors, moderators and admins, by pseudonym. */
  items: Type.Array(TeamMember),
  /** Every team name in use, for the team picker. */
  teams: Type.Array(Type.String()),
});
export type TeamList = Static<typeof TeamList>;
export const TeamMemberChange = Type.Object(
  {
    /** Null: no team. */
    team: Type.Optional(Type.Union([Line({ minLength: 1, maxLength: 40 }), Type.Null()])),
    expertiseCategoryIds: Type.Optional(Type.Array(Id, { maxItems: ADMIN_LIMITS.categoriesMax, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TeamMemberChange = Static<typeof TeamMemberChange>;

const CategoryParams = Type.Object({ categoryId: Id });

export const adminRoutes = {
  getAdminCommunity: {
    method: 'GET',
    url: '/admin/community',
    audience: 'admins',
    example: { response: { id: 1, name: 'Test Mobile', locale: 'fr', locales: ['fr'], advisorSignature: 'Merci !', advisorSignatureTranslations: {}, timeZone: 'Europe/Paris', jargon: ['APN'], jargonIsDefault: true, collective: { threshold: 5, windowMinutes: 120 }, collectiveIsDefault: true, synonyms: [], notificationChannel: 'email' } },
    schema: { summary: 'The community’s settings (admins)', response: { 200: AdminCommunity, ...errors } },
  },
  updateAdminCommunity: {
    method: 'PATCH',
    url: '/admin/community',
    audience: 'admins',
    example: { body: { name: 'Test Mobile' } },
    schema: { summary: 'Change the community’s name, locales, signature, jargon, thresholds or search synonyms (admins)', body: AdminCommunityChange, response: { 200: AdminCommunity, ...errors } },
  },
  listAdminCategories: {
    method: 'GET',
    url: '/admin/categories',
    audience: 'admins',
    example: { response: { items: [{ id: 1, slug: 'facturation', name: { fr: 'Facturation', en: 'Billing' }, description: { fr: 'Facturation : questions', en: 'Billing: questions' }, position: 1, holdbackMinutes: 180, accountAccess: 'asker', archived: false, threadCount: 14 }] } },
    schema: { summary: 'Every category, archived ones included, in forum order (admins)', response: { 200: AdminCategoryList, ...errors } },
  },
  createCategory: {
    method: 'POST',
    url: '/admin/categories',
    audience: 'admins',
    example: { body: { name: { fr: 'Roaming', en: 'Roaming' } } },
    schema: { summary: 'Create a category, last in the list (admins)', body: NewCategory, response: { 201: AdminCategory, ...errors } },
  },
  updateCategory: {
    method: 'PATCH',
    url: '/admin/categories/:categoryId',
    audience: 'admins',
    example: { params: { categoryId: 1 }, body: { holdbackMinutes: 180 } },
    schema: { summary: 'Rename, describe, archive or set a category’s holdback and account rule (admins)', params: CategoryParams, body: CategoryChange, response: { 200: AdminCategory, ...errors } },
  },
  reorderCategories: {
    method: 'PUT',
    url: '/admin/categories/order',
    audience: 'admins',
    example: { body: { categoryIds: [1, 2] } },
    schema: { summary: 'Put every category in a new order (admins)', body: CategoryOrder, response: { 200: AdminCategoryList, ...errors } },
  },
  getRankLadder: {
    method: 'GET',
    url: '/admin/ranks',
    audience: 'admins',
    example: { response: { ladder: { weights: { post: 1, acceptedAnswer: 10, kudos: 2, confirmedAnswer: 10 }, steps: [{ names: { fr: 'Newcomer' }, minScore: 0, minDays: 0 }] }, isDefault: true, members: [1] } },
    schema: { summary: 'The rank ladder and how many members each level holds (admins)', response: { 200: RankLadderView, ...errors } },
  },
  previewRankLadder: {
    method: 'POST',
    url: '/admin/ranks/preview',
    audience: 'admins',
    example: { body: { weights: { post: 1, acceptedAnswer: 10, kudos: 2, confirmedAnswer: 10 }, steps: [{ names: { fr: 'Newcomer' }, minScore: 0, minDays: 0 }, { names: { fr: 'Visitor' }, minScore: 5, minDays: 0 }, { names: { fr: 'Regular' }, minScore: 15, minDays: 1 }, { names: { fr: 'Contributor' }, minScore: 30, minDays: 3 }, { names: { fr: 'Active contributor' }, minScore: 60, minDays: 7 }, { names: { fr: 'Helper' }, minScore: 100, minDays: 14 }, { names: { fr: 'Trusted helper' }, minScore: 175, minDays: 21 }, { names: { fr: 'Advanced' }, minScore: 300, minDays: 30 }, { names: { fr: 'Expert' }, minScore: 500, minDays: 45 }, { names: { fr: 'Senior expert' }, minScore: 800, minDays: 60 }, { names: { fr: 'Guide' }, minScore: 1200, minDays: 90 }, { names: { fr: 'Senior guide' }, minScore: 2000, minDays: 120 }, { names: { fr: 'Mentor' }, minScore: 3500, minDays: 150 }, { names: { fr: 'Legend' }, minScore: 6000, minDays: 180 }, { names: { fr: 'Super legend' }, minScore: 10000, minDays: 240 }] } },
    schema: { summary: 'How many members each level of a proposed ladder would hold (admins)', body: AdminRankLadder, response: { 200: RankPreview, ...errors } },
  },
  updateRankLadder: {
    method: 'PUT',
    url: '/admin/ranks',
    audience: 'admins',
    example: { body: { weights: { post: 1, acceptedAnswer: 10, kudos: 2, confirmedAnswer: 10 }, steps: [{ names: { fr: 'Newcomer' }, minScore: 0, minDays: 0 }, { names: { fr: 'Visitor' }, minScore: 5, minDays: 0 }, { names: { fr: 'Regular' }, minScore: 15, minDays: 1 }, { names: { fr: 'Contributor' }, minScore: 30, minDays: 3 }, { names: { fr: 'Active contributor' }, minScore: 60, minDays: 7 }, { names: { fr: 'Helper' }, minScore: 100, minDays: 14 }, { names: { fr: 'Trusted helper' }, minScore: 175, minDays: 21 }, { names: { fr: 'Advanced' }, minScore: 300, minDays: 30 }, { names: { fr: 'Expert' }, minScore: 500, minDays: 45 }, { names: { fr: 'Senior expert' }, minScore: 800, minDays: 60 }, { names: { fr: 'Guide' }, minScore: 1200, minDays: 90 }, { names: { fr: 'Senior guide' }, minScore: 2000, minDays: 120 }, { names: { fr: 'Mentor' }, minScore: 3500, minDays: 150 }, { names: { fr: 'Legend' }, minScore: 6000, minDays: 180 }, { names: { fr: 'Super legend' }, minScore: 10000, minDays: 240 }] } },
    schema: { summary: 'Replace the rank ladder (admins)', body: AdminRankLadder, response: { 200: RankLadderView, ...errors } },
  },
  listTrustedMembers: {
    method: 'GET',
    url: '/admin/trusted',
    audience: 'admins',
    example: { response: { items: [] } },
    schema: { summary: 'Members holding moderation powers (admins)', response: { 200: TrustedMemberList, ...errors } },
  },
  searchMembers: {
    method: 'GET',
    url: '/admin/members',
    audience: 'admins',
    example: { query: { q: 'Pi' } },
    schema: {
      summary: 'Members whose pseudonym starts with the query (admins)',
      querystring: Type.Object({ q: Line({ minLength: 1, maxLength: 40 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })) }),
      response: { 200: MemberSearch, ...errors },
    },
  },
  listTeam: {
    method: 'GET',
    url: '/admin/team',
    audience: 'admins',
    example: { response: { items: [{ member: { id: 7, pseudonym: 'Camille', role: 'admin', team: null, rank: { level: 2, name: 'Visitor' }, postCount: 10, joinedAt: '2025-04-16T09:06:58.737Z' }, expertiseCategoryIds: [] }], teams: ['commercial'] } },
    schema: { summary: 'The brand’s people, their teams and categories of expertise (admins)', response: { 200: TeamList, ...errors } },
  },
  updateTeamMember: {
    method: 'PATCH',
    url: '/admin/team/:memberId',
    audience: 'admins',
    example: { params: { memberId: 5 }, body: { team: 'technical' } },
    schema: { summary: 'Set an advisor’s team or categories of expertise (admins)', params: Type.Object({ memberId: Id }), body: TeamMemberChange, response: { 200: TeamMember, ...errors } },
  },
} as const;
