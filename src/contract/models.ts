import { Type, type Static } from 'typebox';
import { Id, Line, Timestamp } from './common.ts';
import { Notification, ThreadReading } from './areas/notify.ts';
import { ACCOUNT_ACCESS, HOLDBACK_STATES, INCIDENT_STATUSES, LIMITS, LOCALES, POST_KINDS, PRIVATE_CHANGES, ROLES, THREAD_STATUSES } from '../core/index.ts';


export const LocaleSchema = Type.Enum(LOCALES);
export const RoleSchema = Type.Enum(ROLES);
export const ThreadStatusSchema = Type.Enum(THREAD_STATUSES);
export const PostKindSchema = Type.Enum(POST_KINDS);

export const Rank = Type.Object({ level: Type.Integer({ minimum: 1 }), name: Type.String() });
export type Rank = Static<typeof Rank>;

/** What every post header shows (study §22): pseudonym, status, post count, join date. */
export const Author = Type.Object({
  id: Id,
  pseudonym: Type.String(),
  role: RoleSchema,
  /** Advisors belong to a team, e.g. `technical` or `commercial`. */
  team: Type.Union([Type.String(), Type.Null()]),
  rank: Rank,
  postCount: Type.Integer({ minimum: 0 }),
  joinedAt: Timestamp,
});
export type Author = Static<typeof Author>;

/** A message of a private conversation (areas/moderation.ts); here because the live stream carries it to its audience. */
export const PrivateMessage = Type.Object({ id: Id, conversationId: Id, author: Author, bodyHtml: Type.String(), createdAt: Timestamp });
export type PrivateMessage = Static<typeof PrivateMessage>;

const RankNames = Type.Object({ fr: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });
/** Where a member stands: score, seniority, the next step's thresholds (null on the top step), and the weights. */
export const RankProgressSchema = Type.Object({
  score: Type.Integer({ minimum: 0 }),
  daysSinceJoining: Type.Integer({ minimum: 0 }),
  next: Type.Union([
    Type.Object({ level: Type.Integer({ minimum: 2 }), name: Type.String(), names: Type.Optional(RankNames), minScore: Type.Integer({ minimum: 0 }), minDays: Type.Integer({ minimum: 0 }) }),
    Type.Null(),
  ]),
  weights: Type.Object({ post: Type.Number(), acceptedAnswer: Type.Number(), kudos: Type.Number(), confirmedAnswer: Type.Number() }),
});

/** A member's public profile: the header fields and what the community credits them for. */
export const MemberProfile = Type.Intersect([
  Author,
  Type.Object({
    acceptedAnswers: Type.Integer({ minimum: 0 }),
    /** Answers an advisor confirmed, citing this member. */
    confirmedAnswers: Type.Integer({ minimum: 0 }),
    kudosReceived: Type.Integer({ minimum: 0 }),
    /** Advisors: replies of colleagues they helped with ("assisted by"). */
    assists: Type.Integer({ minimum: 0 }),
    questions: Type.Integer({ minimum: 0 }),
    /** The public criteria of the next rank (core `rankProgress`), on the community's own ladder. */
    progress: RankProgressSchema,
  }),
]);
export type MemberProfile = Static<typeof MemberProfile>;

export const Category = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  /** Whether questions need the customer's account: `asker` lets the asker say (core `needsAccount`). */
  accountAccess: Type.Enum(ACCOUNT_ACCESS),
  threadCount: Type.Integer({ minimum: 0 }),
  postCount: Type.Integer({ minimum: 0 }),
  lastPostAt: Type.Union([Timestamp, Type.Null()]),
});
export type Category = Static<typeof Category>;

export const Community = Type.Object({
  id: Id,
  name: Type.String(),
  locale: LocaleSchema,
  /** The locales the forum offers; `locale` (the default) is one of them. */
  locales: Type.Array(LocaleSchema),
  /** True when the server runs in demo mode and offers the demo sign-in. */
  demo: Type.Boolean(),
  categories: Type.Array(Category),
  /** The admin's jargon list for advisors' clarity tips; null = core's default list. */
  jargon: Type.Union([Type.Array(Type.String()), Type.Null()]),
  /** Markdown appended to every advisor post, in the requested language where the admin wrote it (posts carry theirs rendered as `signatureHtml`, in their thread's language). */
  advisorSignature: Type.String(),
  /** The status ladder's names in the requested language (else the default one), level 1 first: readers see ranks in their language. */
  rankNames: Type.Array(Type.String()),
});
export type Community = Static<typeof Community>;

export const ThreadSummary = Type.Object({
  id: Id,
  categoryId: Id,
  title: Type.String(),
  status: ThreadStatusSchema,
  locale: LocaleSchema,
  author: Author,
  excerpt: Type.String(),
  replyCount: Type.Integer({ minimum: 0 }),
  sameProblemCount: Type.Integer({ minimum: 0 }),
  /** The accepted solution, pinned on top of the thread. */
  acceptedPostId: Type.Union([Id, Type.Null()]),
  /** Community-first holdback (study §27): whose turn it is to answer, and since or until when. */
  holdback: Type.Optional(Type.Object({ state: Type.Enum(HOLDBACK_STATES), dueAt: Timestamp })),
  createdAt: Timestamp,
  lastPostAt: Timestamp,
  /** Set only on a thread merged into another: its posts live there now, follow this id. */
  mergedIntoId: Type.Optional(Id),
  /** Thread lists only, for a signed-in reader who read or follows the thread: posts new to them ("3 new"). */
  unreadCount: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ThreadSummary = Static<typeof ThreadSummary>;

/** What an advisor confirmation cites, links and credits (study §32–33). */
export const Confirmation = Type.Object({
  cited: Type.Array(Type.Object({ postId: Id, author: Type.Object({ id: Id, pseudonym: Type.String() }) })),
  faqLinks: Type.Array(Type.Object({ id: Id, slug: Type.String(), title: Type.String() })),
  assistedBy: Type.Array(Type.Object({ id: Id, pseudonym: Type.String() })),
});
export type Confirmation = Static<typeof Confirmation>;

/** The reader's own state on a post (issue 15): it survives a reload, and only they see it. */
export const PostViewer = Type.Object({
  /** They gave kudos to this post. */
  kudos: Type.Boolean(),
  /** They reported this post (once per member). */
  flagged: Type.Boolean(),
  /** On the public trace of a private hand-off, for its asker and advisors: the conversation it opened. */
  conversationId: Type.Optional(Id),
  /** On the posts not deleted the reader may edit (their own; any for staff): the markdown, to edit it in place. */
  source: Type.Optional(Type.String()),
});
export type PostViewer = Static<typeof PostViewer>;

export const Post = Type.Object({
  id: Id,
  threadId: Id,
  kind: PostKindSchema,
  author: Author,
  /** Server-rendered, sanitized HTML: the only body an element may show. */
  bodyHtml: Type.String(),
  createdAt: Timestamp,
  editedAt: Type.Union([Timestamp, Type.Null()]),
  kudosCount: Type.Integer({ minimum: 0 }),
  /** On advisor posts: the community's advisor signature, rendered, shown apart from the body. */
  signatureHtml: Type.Optional(Type.String()),
  /** On advisor confirmations only. */
  confirmation: Type.Optional(Confirmation),
  /**
   * Only on a deleted post, shown in its thread as a tombstone: `bodyHtml` is empty for every
   * reader; `by` says whether its author or staff deleted it.
   */
  deleted: Type.Optional(Type.Object({ by: Type.Union([Type.Literal('author'), Type.Literal('staff')]), at: Timestamp })),
  /** Only in a signed-in member's own thread reads: what they did to this post, and what only they may open from it. */
  viewer: Type.Optional(PostViewer),
});
export type Post = Static<typeof Post>;

export const ThreadPage = Type.Object({ items: Type.Array(ThreadSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type ThreadPage = Static<typeof ThreadPage>;

/** A thread and the first page of its posts; `GET /threads/:id/posts` gives the next pages. */
export const ThreadDetail = Type.Object({
  thread: ThreadSummary,
  posts: Type.Array(Post),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  /** The accepted solution when it is not on this page, so it can be pinned on top at once. */
  solution: Type.Optional(Post),
  /** Only for a signed-in member: their own state on the thread. */
  viewer: Type.Optional(Type.Object({ sameProblem: Type.Boolean() })),
  /** For a signed-in reader: their follow of the thread and its category, and how far they read. */
  reading: Type.Optional(ThreadReading),
});
export type ThreadDetail = Static<typeof ThreadDetail>;

/** The signed-in reader's own state on posts of a thread and on the thread (`GET /threads/:id/viewer`); a guest's is empty. */
export const OwnThreadState = Type.Object({
  /** The asked posts the reader has a state on, each with its `viewer` as thread reads give it. */
  posts: Type.Array(Type.Object({ id: Id, viewer: PostViewer })),
  viewer: Type.Optional(Type.Object({ sameProblem: Type.Boolean() })),
  reading: Type.Optional(ThreadReading),
});
export type OwnThreadState = Static<typeof OwnThreadState>;

/** The signed-in reader's unread counts on threads of a list (`GET /categories/:id/viewer`): those they read before or follow. */
export const OwnListState = Type.Object({ threads: Type.Array(Type.Object({ id: Id, unreadCount: Type.Integer({ minimum: 0 }) })) });
export type OwnListState = Static<typeof OwnListState>;

export const PostPage = Type.Object({ items: Type.Array(Post), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type PostPage = Static<typeof PostPage>;

export const NewThread = Type.Object(
  {
    categoryId: Id,
    title: Line({ minLength: LIMITS.titleMin, maxLength: LIMITS.titleMax }),
    body: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax }),
    locale: Type.Optional(LocaleSchema),
    /** The asker ticked "needs access to my account": an advisor is needed at once. */
    needsAccount: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewThread = Static<typeof NewThread>;

export const NewReply = Type.Object(
  { body: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax }) },
  { additionalProperties: false },
);
export type NewReply = Static<typeof NewReply>;

export const CreatedThread = Type.Object({ thread: ThreadSummary, post: Post });
export type CreatedThread = Static<typeof CreatedThread>;

export const Session = Type.Object({ member: Type.Union([Author, Type.Null()]) });
export type Session = Static<typeof Session>;

export const DemoMembers = Type.Object({ items: Type.Array(Author) });
export type DemoMembers = Static<typeof DemoMembers>;

export const DemoSignIn = Type.Object({ memberId: Id }, { additionalProperties: false });
export type DemoSignIn = Static<typeof DemoSignIn>;

export const DemoToken = Type.Object({ token: Type.String(), expiresAt: Timestamp, member: Author });
export type DemoToken = Static<typeof DemoToken>;

/**
 * Live events sent over Server-Sent Events; `type` names the SSE event. Each is delivered as
 * its post or thread reads now for the reader (core `liveView`), not as it was written.
 */
export const LiveEvent = Type.Union([
  Type.Object({ type: Type.Literal('post-created'), threadId: Id, categoryId: Id, post: Post }),
  Type.Object({ type: Type.Literal('thread-created'), threadId: Id, categoryId: Id, thread: ThreadSummary }),
  /** A post's kudos changed. */
  Type.Object({ type: Type.Literal('kudos-changed'), threadId: Id, categoryId: Id, postId: Id, kudosCount: Type.Integer({ minimum: 0 }) }),
  /** A post was edited or deleted: `post` is the new version (`editedAt` set, or `deleted` with an empty body). */
  Type.Object({ type: Type.Literal('post-updated'), threadId: Id, categoryId: Id, post: Post }),
  /** A post this reader may no longer see (hidden by moderation, or gone): elements showing it drop it. */
  Type.Object({ type: Type.Literal('post-removed'), threadId: Id, categoryId: Id, postId: Id }),
  /** A thread's summary changed (solution accepted or withdrawn, same-problem count, confirmation). */
  Type.Object({ type: Type.Literal('thread-updated'), threadId: Id, categoryId: Id, thread: ThreadSummary }),
  /** An incident was declared, updated or resolved: forum banners refresh (advisor area). */
  Type.Object({
    type: Type.Literal('incident-updated'), threadId: Type.Null(), categoryId: Type.Union([Id, Type.Null()]),
    incident: Type.Object({
      id: Id, title: Type.String(), bannerText: Type.String(), status: Type.Enum(INCIDENT_STATUSES), active: Type.Boolean(),
      /** The other languages' title and banner (the reader picks theirs; absent: the default ones above). */
      translations: Type.Optional(Type.Object({
        fr: Type.Optional(Type.Object({ title: Type.String(), bannerText: Type.String() })),
        en: Type.Optional(Type.Object({ title: Type.String(), bannerText: Type.String() })),
      })),
    }),
  }),
  /**
   * One of the signed-in reader's own notifications (new, or a kudos batch that grew), or only
   * their new unread count (`notification` null: marked read elsewhere). Sent to that member only.
   */
  Type.Object({
    type: Type.Literal('notification'), threadId: Type.Null(), categoryId: Type.Null(), memberId: Id,
    unreadCount: Type.Integer({ minimum: 0 }), notification: Type.Union([Notification, Type.Null()]),
  }),
  /**
   * A private conversation was opened, got a message (`message`, as `GET /private/:id` shows it)
   * or was closed. Sent only to its asker and the advisors (core `liveView`), live and on
   * replay: never to another member, a moderator or a guest.
   */
  Type.Object({
    type: Type.Literal('private-updated'), threadId: Type.Null(), categoryId: Type.Null(), conversationId: Id, askerId: Id,
    change: Type.Enum(PRIVATE_CHANGES), message: Type.Union([PrivateMessage, Type.Null()]),
  }),
]);
export type LiveEvent = Static<typeof LiveEvent>;
