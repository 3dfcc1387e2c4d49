/**
 * Routes of the "advisor" area; merged into `routes` by ../routes.ts. The advisor queue,
 * expert suggestions, collective-problem alerts, incidents with their public banner, and
 * community metrics (study §11, §17–§20, §27).
 */
import { Type, type Static } from 'typebox';
import { HOLDBACK_STATES, INCIDENT_LIMITS, INCIDENT_STATUSES, LIMITS, QUEUE_GROUPS } from '../../core/index.ts';
import { errorResponses as errors, Id, Line, Timestamp } from '../common.ts';
import { Author, LocaleSchema, ThreadStatusSchema, ThreadSummary } from '../models.ts';

const IncidentStatusSchema = Type.Enum(INCIDENT_STATUSES);
const MemberRef = Type.Object({ id: Id, pseudonym: Type.String() });
const Ms = Type.Integer({ minimum: 0 });

export const QueueItem = Type.Object({
  /** Why the item is in the queue, most urgent first. */
  kind: Type.Enum(QUEUE_GROUPS),
  holdback: Type.Enum(HOLDBACK_STATES),
  thread: Type.Object({
    id: Id, categoryId: Id, title: Type.String(), status: ThreadStatusSchema, needsAccount: Type.Boolean(),
    replyCount: Type.Integer({ minimum: 0 }), createdAt: Timestamp,
  }),
  /** The flagged post (flagged-post items only). */
  postId: Type.Union([Id, Type.Null()]),
  flagWeight: Type.Union([Type.Integer(), Type.Null()]),
  hasCommunityAnswer: Type.Boolean(),
  dueAt: Timestamp,
  msLeft: Type.Union([Ms, Type.Null()]),
  msOverdue: Type.Union([Ms, Type.Null()]),
});
export type QueueItem = Static<typeof QueueItem>;
export const QueueGroupPage = Type.Object({
  kind: Type.Enum(QUEUE_GROUPS),
  /** Every item of the group, not only those of this page. */
  total: Type.Integer({ minimum: 0 }),
  /** Pass it back with `group` for the group's next page; null on its last page. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type QueueGroupPage = Static<typeof QueueGroupPage>;
export const AdvisorQueue = Type.Object({
  generatedAt: Timestamp,
  /** One page per group (or of the one `group` asked), groups in urgency order. */
  items: Type.Array(QueueItem),
  /** Each group's count and paging, even when its page is empty. */
  groups: Type.Array(QueueGroupPage),
});
export type AdvisorQueue = Static<typeof AdvisorQueue>;

export const Expert = Type.Object({
  member: Author,
  acceptedCount: Type.Integer({ minimum: 0 }),
  confirmedCount: Type.Integer({ minimum: 0 }),
  lastPostAt: Timestamp,
});
export type Expert = Static<typeof Expert>;
export const ExpertList = Type.Object({ categoryId: Id, items: Type.Array(Expert) });
export type ExpertList = Static<typeof ExpertList>;

export const CollectiveAlert = Type.Object({
  categoryId: Id,
  region: Type.Union([Type.String(), Type.Null()]),
  keywords: Type.Array(Type.String()),
  count: Type.Integer({ minimum: 1 }),
  threadIds: Type.Array(Id),
  firstAt: Timestamp,
  lastAt: Timestamp,
});
export type CollectiveAlert = Static<typeof CollectiveAlert>;
export const AlertList = Type.Object({ generatedAt: Timestamp, threshold: Type.Integer(), windowMinutes: Type.Integer(), items: Type.Array(CollectiveAlert) });
export type AlertList = Static<typeof AlertList>;

export const IncidentUpdate = Type.Object({ id: Id, status: IncidentStatusSchema, text: Type.String(), author: MemberRef, createdAt: Timestamp });
export type IncidentUpdate = Static<typeof IncidentUpdate>;
/** An incident's title and banner in one language. */
const IncidentText = Type.Object({ title: Type.String(), bannerText: Type.String() });
/** The incident in the community's other languages (`{ en: { title, bannerText } }`); a language absent here reads the default one. */
export const IncidentTranslations = Type.Object({ fr: Type.Optional(IncidentText), en: Type.Optional(IncidentText) });
export type IncidentTranslations = Static<typeof IncidentTranslations>;

export const Incident = Type.Object({
  id: Id,
  /** In the requested `locale` where the advisor wrote one (the banner route), else the community's default language. */
  title: Type.String(),
  /** The public banner shown on top of the forum while the incident is active; in the same language as `title`. */
  bannerText: Type.String(),
  /** Every language's version but the default one, as the advisor wrote them. */
  translations: IncidentTranslations,
  categoryId: Type.Union([Id, Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  status: IncidentStatusSchema,
  active: Type.Boolean(),
  createdBy: MemberRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  resolvedAt: Type.Union([Timestamp, Type.Null()]),
  threadIds: Type.Array(Id),
  updates: Type.Array(IncidentUpdate),
});
export type Incident = Static<typeof Incident>;
export const IncidentList = Type.Object({ items: Type.Array(Incident) });
export type IncidentList = Static<typeof IncidentList>;

export const IncidentDismissal = Type.Object({ incidentId: Id, dismissedAt: Timestamp });
export type IncidentDismissal = Static<typeof IncidentDismissal>;

const IncidentTitle = Line({ minLength: INCIDENT_LIMITS.textMin, maxLength: INCIDENT_LIMITS.titleMax });
const IncidentBanner = Line({ minLength: INCIDENT_LIMITS.textMin, maxLength: INCIDENT_LIMITS.bannerMax });
const NewIncidentText = Type.Object({ title: IncidentTitle, bannerText: IncidentBanner }, { additionalProperties: false });

export const NewIncident = Type.Object(
  {
    /** In the community's default language. */
    title: IncidentTitle,
    bannerText: IncidentBanner,
    /** Optional versions in the community's other language (e.g. `{ en: { title, bannerText } }`), checked like the default ones. */
    translations: Type.Optional(Type.Object({ fr: Type.Optional(NewIncidentText), en: Type.Optional(NewIncidentText) }, { additionalProperties: false })),
    categoryId: Type.Optional(Id),
    region: Type.Optional(Line({ minLength: 1, maxLength: LIMITS.regionMax })),
    threadIds: Type.Array(Id, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type NewIncident = Static<typeof NewIncident>;
export const NewIncidentUpdate = Type.Object(
  { text: Type.String({ minLength: INCIDENT_LIMITS.textMin, maxLength: INCIDENT_LIMITS.updateMax }), status: IncidentStatusSchema },
  { additionalProperties: false },
);
export type NewIncidentUpdate = Static<typeof NewIncidentUpdate>;

const Figures = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  byMembers: Type.Integer({ minimum: 0 }),
  byAdvisors: Type.Integer({ minimum: 0 }),
  memberShare: Type.Union([Type.Number(), Type.Null()]),
});
export const Metrics = Type.Object({
  from: Timestamp,
  to: Timestamp,
  threads: Type.Integer({ minimum: 0 }),
  solved: Type.Integer({ minimum: 0 }),
  solvedRate: Type.Union([Type.Number(), Type.Null()]),
  firstAnswers: Figures,
  acceptedAnswers: Figures,
  /** Median milliseconds from question to first answer, by who gave it. */
  medianFirstAnswerMs: Type.Object({ members: Type.Union([Type.Number(), Type.Null()]), advisors: Type.Union([Type.Number(), Type.Null()]) }),
  categories: Type.Array(Type.Object({ categoryId: Id, threads: Type.Integer(), solved: Type.Integer(), firstAnswersByMembers: Type.Integer(), firstAnswersByAdvisors: Type.Integer() })),
  advisors: Type.Array(Type.Object({ advisor: MemberRef, posts: Type.Integer(), accepted: Type.Integer(), assisted: Type.Integer() })),
  circles: Type.Object({ core: Type.Integer(), occasional: Type.Integer(), 'one-time-asker': Type.Integer() }),
});
export type Metrics = Static<typeof Metrics>;

const Limit = (max: number, fallback: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: fallback }));

export const advisorRoutes = {
  markThreadUrgent: {
    method: 'POST',
    url: '/threads/:threadId/urgent',
    audience: 'advisors',
    example: { params: { threadId: 1 } },
    schema: {
      summary: 'Mark a thread advisor-now (or take the mark off with urgent: false); advisors only',
      params: Type.Object({ threadId: Id }),
      body: Type.Object({ urgent: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: ThreadSummary, ...errors },
    },
  },
  getAdvisorQueue: {
    method: 'GET',
    url: '/agent/queue',
    audience: 'staff',
    example: { response: { generatedAt: '2026-12-07T09:07:05.003Z', items: [{ kind: 'advisor-due', holdback: 'advisor-due', thread: { id: 1, categoryId: 1, title: 'Comment changer de forfait ?', status: 'open', needsAccount: false, replyCount: 0, createdAt: '2026-12-06T09:06:58.762Z' }, postId: null, flagWeight: null, hasCommunityAnswer: false, dueAt: '2026-12-06T12:06:58.762Z', msLeft: null, msOverdue: 75606241 }], groups: [{ kind: 'advisor-now', total: 0, nextCursor: null }] } },
    schema: {
      summary: 'Threads waiting for an advisor by urgency group, each group counted and paged on its own, with the time left or overdue',
      querystring: Type.Object({
        categoryId: Type.Optional(Id),
        /** Only the categories the caller's weekly plan assigns right now (advisors). */
        planned: Type.Optional(Type.Boolean()),
        /** Only this group (with `cursor`: its next page). */
        group: Type.Optional(Type.Enum(QUEUE_GROUPS)),
        cursor: Type.Optional(Type.String({ maxLength: 40 })),
        /** Items per group. */
        limit: Limit(200, 50),
      }),
      response: { 200: AdvisorQueue, ...errors },
    },
  },
  getExperts: {
    method: 'GET',
    url: '/agent/experts',
    audience: 'advisors',
    example: { query: { threadId: 1 } },
    schema: {
      summary: "Members with the most accepted or confirmed answers in a thread's category, active recently",
      querystring: Type.Object({ threadId: Id, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30 })), limit: Limit(50, 10) }),
      response: { 200: ExpertList, ...errors },
    },
  },
  getCollectiveAlerts: {
    method: 'GET',
    url: '/agent/alerts',
    audience: 'advisors',
    example: { response: { generatedAt: '2026-12-07T09:07:05.232Z', threshold: 5, windowMinutes: 120, items: [{ categoryId: 1, region: null, keywords: ['réseau'], count: 13, threadIds: [12], firstAt: '2026-12-07T09:07:04.409Z', lastAt: '2026-12-07T09:07:04.934Z' }] } },
    schema: {
      summary: 'Collective-problem alerts: many recent threads or same-problem marks in one category and region or topic',
      querystring: Type.Object({
        /** Absent: the community's threshold (set by an admin; core's default otherwise). */
        threshold: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000 })),
        /** Absent: the community's window. */
        windowMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 7 * 24 * 60 })),
      }),
      response: { 200: AlertList, ...errors },
    },
  },
  createIncident: {
    method: 'POST',
    url: '/incidents',
    audience: 'advisors',
    example: { body: { title: 'Panne du réseau mobile à Lyon', bannerText: 'Une panne touche le réseau mobile à Lyon : nos équipes interviennent.', threadIds: [] } },
    schema: { summary: 'Declare an incident: a public banner and linked threads; advisors only', body: NewIncident, response: { 201: Incident, ...errors } },
  },
  addIncidentUpdate: {
    method: 'POST',
    url: '/incidents/:incidentId/updates',
    audience: 'advisors',
    example: { params: { incidentId: 1 }, body: { text: 'On avance.', status: 'identified' } },
    schema: {
      summary: "Post a status update on an incident ('resolved' takes the banner down)",
      params: Type.Object({ incidentId: Id }),
      body: NewIncidentUpdate,
      response: { 201: Incident, ...errors },
    },
  },
  listIncidents: {
    method: 'GET',
    url: '/incidents',
    audience: 'everyone',
    example: { query: { active: true } },
    schema: {
      summary: 'Incidents, newest first; active=true gives the forum banners',
      querystring: Type.Object({ active: Type.Optional(Type.Boolean()), limit: Limit(100, 20) }),
      response: { 200: IncidentList, ...errors },
    },
  },
  getIncidentBanner: {
    method: 'GET',
    url: '/incident-banner',
    audience: 'everyone',
    example: { query: { threadId: 1 } },
    schema: {
      summary: "The active incidents whose banner concerns the reader on this page (core's incidentConcerns: the category read, the token's region), less those they dismissed since the incident's last update",
      querystring: Type.Object({
        /** The reader's language: titles and banners in it where the advisor wrote them. */
        locale: Type.Optional(LocaleSchema),
        /** The category being read (its thread list). */
        categoryId: Type.Optional(Id),
        /** The thread being read: its category counts as the one read. */
        threadId: Type.Optional(Id),
      }),
      response: { 200: IncidentList, ...errors },
    },
  },
  dismissIncident: {
    method: 'PUT',
    url: '/incidents/:incidentId/dismissal',
    audience: 'members',
    example: { params: { incidentId: 2 } },
    schema: {
      summary: "Hide an incident's banner for me until its next update (signed-in readers; guests keep theirs in the browser)",
      params: Type.Object({ incidentId: Id }),
      response: { 200: IncidentDismissal, ...errors },
    },
  },
  getIncident: {
    method: 'GET',
    url: '/incidents/:incidentId',
    audience: 'everyone',
    example: { params: { incidentId: 3 } },
    schema: { summary: 'An incident with its threads and updates', params: Type.Object({ incidentId: Id }), response: { 200: Incident, ...errors } },
  },
  getMetrics: {
    method: 'GET',
    url: '/metrics',
    audience: 'staff',
    example: { response: { from: '2026-11-07T09:07:05.256Z', to: '2026-12-07T09:07:05.256Z', threads: 24, solved: 1, solvedRate: 0.0417, firstAnswers: { total: 23, byMembers: 23, byAdvisors: 0, memberShare: 1 }, acceptedAnswers: { total: 1, byMembers: 1, byAdvisors: 0, memberShare: 1 }, medianFirstAnswerMs: { members: 17, advisors: null }, categories: [{ categoryId: 1, threads: 24, solved: 1, firstAnswersByMembers: 23, firstAnswersByAdvisors: 0 }], advisors: [{ advisor: { id: 4, pseudonym: 'Julie' }, posts: 0, accepted: 0, assisted: 0 }], circles: { core: 1, occasional: 1, 'one-time-asker': 1 } } },
    schema: {
      summary: 'Community metrics over a date range: who answers, how fast, solved rate, circles',
      querystring: Type.Object({ from: Type.Optional(Timestamp), to: Type.Optional(Timestamp), categoryId: Type.Optional(Id) }),
      response: { 200: Metrics, ...errors },
    },
  },
} as const;
