/**
 * The guardian: the one place where roles meet actions. `guardian(actor)` answers every
 * "may this person…" question, grouped by subject (`threads`, `posts`, `private`, `moderation`,
 * `staff`, `knowledge`, `workspace`, `review`). Each rule comes twice: `canX(…facts)` for the
 * elements, which hide what a person may not do, and `ensureX(…facts)` for the domain's
 * services, which refuse with the typed error (401 `unauthorized` for a guest, 403 `forbidden`
 * with the rule's reason otherwise) and hand back the signed-in actor.
 */
import { isStaff, type Actor, type Role, type ThreadStatus } from './domain.ts';
import { ApiError } from './errors.ts';

export type SignedIn = Extract<Actor, { memberId: number }>;

export function isSignedIn(actor: Actor): actor is SignedIn {
  return actor.role !== 'guest';
}

export interface ThreadState {
  status: ThreadStatus;
  /** Set once the thread was merged into another (absent or null otherwise). */
  mergedIntoId?: number | null;
}

/**
 * A merged thread only points at the thread it was merged into: nothing is written to it any
 * more (replies, confirmations, traces, solutions, same-problem marks), or its counters and its
 * category's would count posts no listed thread holds. The reason to give is `mergedThreadProblem`.
 */
export function isMerged(thread: Pick<ThreadState, 'mergedIntoId'>): boolean {
  return thread.mergedIntoId !== undefined && thread.mergedIntoId !== null;
}

export interface PostFacts {
  authorId: number;
  hidden?: boolean;
}

export interface ThreadFacts {
  authorId: number;
  status: ThreadStatus;
}

export interface DraftFacts {
  authorId: number;
  /** Colleagues the draft is shared with. */
  sharedWith: readonly number[];
  posted: boolean;
}

export interface PrivateFacts {
  askerId: number;
  status: 'open' | 'closed';
}

/**
 * One rule: whether a signed-in actor may, given the facts after the actor (guests never may),
 * the reason given when not, and the words asking a guest to sign in.
 */
interface Rule<F extends unknown[]> {
  allows: (actor: SignedIn, ...facts: F) => boolean;
  refusal: string | ((actor: SignedIn, ...facts: F) => string);
  signIn?: string;
}

const rule = <F extends unknown[]>(allows: Rule<F>['allows'], refusal: Rule<F>['refusal'], signIn?: string): Rule<F> => ({ allows, refusal, signIn });

const SIGN_IN = 'Sign in to do this.';
const WRITE_SIGN_IN = 'Sign in to write on the forum.';
const isAdvisor = (actor: SignedIn): boolean => actor.role === 'advisor';
const isModerator = (actor: SignedIn): boolean => actor.role === 'moderator';
const isStaffActor = (actor: SignedIn): boolean => isStaff(actor.role);
/** Archived threads are frozen; closed ones may still be tidied up by staff. */
const isFrozen = (status: ThreadStatus): boolean => status === 'archived';

const threads = {
  startThread: rule(() => true, 'You may not start a thread.', WRITE_SIGN_IN),
  /** Closed and archived threads take no new replies; staff may still write on closed ones. */
  reply: rule((actor, thread: ThreadState) => {
    if (isMerged(thread) || thread.status === 'archived') return false;
    return thread.status !== 'closed' || isStaffActor(actor);
  }, (_actor, thread) => `This thread is ${thread.status}: it takes no new replies.`, WRITE_SIGN_IN),
  /** The asker decides what solved their problem; advisors and moderators may do it for them (§32). */
  acceptSolution: rule((actor, thread: ThreadFacts) => {
    if (isFrozen(thread.status)) return false;
    if (isStaffActor(actor)) return true;
    return actor.memberId === thread.authorId && thread.status !== 'closed';
  }, (_actor, thread) => (thread.status === 'archived' ? 'This thread is archived.' : 'Only the asker, an advisor or a moderator may choose the solution.')),
  /** "Same problem here" is for other signed-in members: the asker already has the problem. */
  markSameProblem: rule(
    (actor, thread: ThreadFacts) => actor.memberId !== thread.authorId && !isFrozen(thread.status),
    (actor, thread) => (actor.memberId === thread.authorId ? 'You asked this question: it is already your problem.' : 'This thread is archived.'),
  ),
  /** Only advisors confirm: the confirmation is the brand's word on a community answer (§32–33). */
  confirm: rule((actor, thread?: ThreadFacts) => isAdvisor(actor) && (thread === undefined || !isFrozen(thread.status)), 'Only advisors confirm community answers.'),
};

const posts = {
  /** Kudos thank someone else: never on one's own post, never on a hidden one. */
  giveKudos: rule((actor, post: PostFacts) => actor.memberId !== post.authorId && !post.hidden, 'Kudos thank someone else: you cannot give kudos to your own post.'),
  /**
   * Editing a post: its author while the thread takes replies from them (not closed, not
   * archived) and the post is not hidden; advisors and moderators any post (their edits of
   * someone else's post are audited and need a reason, see `needsEditReason`).
   */
  editPost: rule((actor, post: PostFacts, thread: ThreadFacts) => {
    if (isStaffActor(actor)) return true;
    if (actor.memberId !== post.authorId) return false;
    return !post.hidden && thread.status !== 'closed' && !isFrozen(thread.status);
  }, (actor, post, thread) => {
    if (actor.memberId !== post.authorId) return 'Only its author or a moderator may edit this post.';
    return post.hidden ? 'This post is hidden by moderation.' : `This thread is ${thread.status}: its posts can no longer be edited.`;
  }),
  /** Any signed-in member flags a post, never their own. */
  flag: rule((actor, post: { authorId: number }) => actor.memberId !== post.authorId, 'You cannot flag your own post.'),
};

const privateTalk = {
  /** An advisor opens a private conversation, or the asker asks for one on their own thread. */
  openPrivate: rule((actor, thread: { authorId: number }) => isAdvisor(actor) || actor.memberId === thread.authorId, 'Only an advisor or the asker may open a private conversation.'),
  /** Participants are the thread's asker and the advisors; anyone else must not learn it exists. */
  seePrivate: rule((actor, conversation: { askerId: number }) => isAdvisor(actor) || actor.memberId === conversation.askerId, 'Only its asker and the advisors see a private conversation.'),
  /** Advisors take part in every conversation; anyone else only in those about their own threads. */
  seeEveryPrivate: rule(isAdvisor, 'Only advisors see every private conversation.'),
  writePrivate: rule(
    (actor, conversation: PrivateFacts) => conversation.status === 'open' && (isAdvisor(actor) || actor.memberId === conversation.askerId),
    'Only its asker and the advisors write in an open private conversation.',
  ),
  /** Closing asks for the outcome that goes public: the advisor's call. */
  closePrivate: rule(isAdvisor, 'Only an advisor closes a private conversation.'),
};

const moderation = {
  /** Close, reopen, archive, move, merge, hide, restore: advisors and moderators. */
  moderate: rule(isStaffActor, 'Only moderators and advisors may do this.'),
  readAudit: rule(isStaffActor, 'Only moderators and advisors read the audit log.'),
  /** Staff, or a member a moderator explicitly trusted with the flag queue. */
  reviewFlags: rule(
    (actor, powers: readonly string[]) => isStaffActor(actor) || powers.includes('review-flags'),
    'Only moderators, advisors and members trusted with review may do this.',
  ),
  grantPowers: rule(isModerator, 'Only moderators grant moderation powers.'),
};

/** The advisor tools: the queue, experts, alerts, incidents, metrics, the signature. */
const staff = {
  /** The advisor queue: advisors work it, moderators watch the flags in it. */
  seeAdvisorQueue: rule(isStaffActor, 'Only staff may see the advisor queue.'),
  /** Marking a thread advisor-now, expert suggestions and collective-problem alerts. */
  triageThreads: rule(isAdvisor, 'Only staff may mark a thread urgent.'),
  /** Declaring an incident and posting its updates: the brand speaks, so advisors only. */
  manageIncidents: rule(isAdvisor, 'Only advisors declare and update incidents.', 'Sign in to manage incidents.'),
  seeMetrics: rule(isStaffActor, 'Only staff may see the metrics.'),
  /** The advisor signature speaks for the brand: advisors and moderators edit it. */
  editSignature: rule(isStaffActor, 'Only advisors and moderators edit the advisor signature.'),
};

/** The FAQ base: advisors feed it, moderators keep it tidy (study §11, §20). */
const knowledge = {
  writeFaq: rule(isStaffActor, 'Only advisors and moderators write FAQ articles.', 'Sign in to write the FAQ.'),
};

/** The advisor workspace: weekly plans, staff notes, expert nudges, notifications. */
const workspace = {
  /** Only advisors work to a weekly plan (study §11); moderators are volunteers or managers. */
  keepWeeklyPlan: rule(isAdvisor, 'Only advisors have a weekly plan.'),
  /** Advisors and moderators see who is on which category (the team view). */
  seeTeamPlans: rule(isStaffActor, 'Only advisors and moderators may see the team plans.'),
  /** Staff notes are staff only: customers never see them, not even the asker. */
  seeStaffNotes: rule(isStaffActor, 'Only advisors and moderators may read staff notes.'),
  writeStaffNotes: rule(isStaffActor, 'Only advisors and moderators may write staff notes.'),
  /** Nudging experts is the brand asking members for help: advisors only (study §26). */
  nudgeExperts: rule(isAdvisor, 'Only advisors may ask members to help.'),
  /** Anyone signed in reads their own notifications. */
  readNotifications: rule(() => true, 'Only signed-in members have notifications.'),
};

/**
 * Colleague review, quality review and back-office hand-offs. Drafts are the advisors'
 * backstage (study §44, §52): only their author and the colleagues they are shared with ever
 * see them — not members, not moderators, not other advisors.
 */
const review = {
  /** Writing drafts and sharing them: advisors sign public replies, so advisors only. */
  writeDrafts: rule(isAdvisor, 'Only advisors write and review drafts.'),
  seeDraft: rule(
    (actor, draft: DraftFacts) => isAdvisor(actor) && (actor.memberId === draft.authorId || draft.sharedWith.includes(actor.memberId)),
    'Only its author and the colleagues it is shared with see a draft.',
  ),
  /** Editing, sharing and posting: the author, until it is posted. */
  editDraft: rule((actor, draft: DraftFacts) => isAdvisor(actor) && actor.memberId === draft.authorId && !draft.posted, 'Only its author changes, shares or posts a draft.'),
  /** Commenting and approving: a colleague it is shared with, never its author. */
  reviewDraft: rule(
    (actor, draft: DraftFacts) => isAdvisor(actor) && actor.memberId !== draft.authorId && draft.sharedWith.includes(actor.memberId),
    'A colleague approves your draft; you cannot approve your own.',
  ),
  /** The author shares a draft with other advisors only: they are the colleagues who sign public replies. */
  shareDraftWith: rule(
    (actor, colleague: { id: number; role: Role | 'guest' }) => colleague.role === 'advisor' && colleague.id !== actor.memberId,
    'A draft is shared with other advisors only.',
  ),
  /** The monthly quality review is the managers' (moderator role). */
  reviewQuality: rule(isModerator, 'Only managers (moderators) review the quality of advisor posts.'),
  /** Handing a customer's case to the back office opens their account: advisors only. */
  handOff: rule(isAdvisor, 'Only advisors hand a case to the back office.'),
  /** Back-office case references are staff-only facts, never shown to customers. */
  seeHandoffs: rule(isStaffActor, 'Only staff see back-office cases.'),
};

const SUBJECTS = { threads, posts, private: privateTalk, moderation, staff, knowledge, workspace, review };
type Subjects = typeof SUBJECTS;

type FactsOf<R> = R extends Rule<infer F> ? F : never;
/** `canX(…facts)` and `ensureX(…facts, refusal?)` for every rule `x` of a subject. */
type Checks<S> = {
  [K in keyof S & string as `can${Capitalize<K>}`]: (...facts: FactsOf<S[K]>) => boolean;
} & {
  [K in keyof S & string as `ensure${Capitalize<K>}`]: (...args: [...facts: FactsOf<S[K]>, refusal?: string]) => SignedIn;
};

export type Guardian = { [S in keyof Subjects]: Checks<Subjects[S]> } & {
  readonly actor: Actor;
  readonly signedIn: boolean;
  /** 401 with `signIn` for a guest; the signed-in actor otherwise. */
  ensureSignedIn(signIn?: string): SignedIn;
};

function checks(actor: Actor, rules: Record<string, Rule<never[]>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, { allows, refusal, signIn }] of Object.entries(rules)) {
    const Name = name[0]!.toUpperCase() + name.slice(1);
    // The facts are the rule's parameters after the actor; one more argument is a refusal of the caller's own.
    const arity = Math.max(0, allows.length - 1);
    out[`can${Name}`] = (...facts: never[]) => isSignedIn(actor) && allows(actor, ...facts);
    out[`ensure${Name}`] = (...args: never[]) => {
      if (!isSignedIn(actor)) throw new ApiError('unauthorized', signIn ?? SIGN_IN);
      const facts = args.slice(0, arity);
      if (allows(actor, ...facts)) return actor;
      const own = args[arity] as string | undefined;
      throw new ApiError('forbidden', own ?? (typeof refusal === 'string' ? refusal : refusal(actor, ...facts)));
    };
  }
  return out;
}

/** Who may do what, for one actor. Cheap to make: elements ask it on every render. */
export function guardian(actor: Actor): Guardian {
  const subjects = Object.fromEntries(Object.entries(SUBJECTS).map(([name, rules]) => [name, checks(actor, rules as Record<string, Rule<never[]>>)]));
  return {
    ...(subjects as { [S in keyof Subjects]: Checks<Subjects[S]> }),
    actor,
    signedIn: isSignedIn(actor),
    ensureSignedIn(signIn = SIGN_IN) {
      if (!isSignedIn(actor)) throw new ApiError('unauthorized', signIn);
      return actor;
    },
  };
}
