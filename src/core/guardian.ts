/**
 * The guardian: the one place where roles meet actions. `guardian(actor)` answers every "may
 * this person…" question, grouped by subject (`threads`, `posts`, `private`, `moderation`,
 * `staff`, `knowledge`, `workspace`, `review`, `admin`): `canX(…facts)`, and `ensureX(…facts)` for the
 * domain's services, which refuses with the typed error (401 `unauthorized` for a guest, 403
 * `forbidden` with the rule's reason otherwise) and hands back the signed-in actor. The rules
 * live one module per subject (./rules/); elements ask them through `can(actor, rule, …facts)`,
 * so a page's bundle carries only the rules it asks and none of these refusal texts.
 */
import type { Actor } from './domain.ts';
import { ApiError } from './errors.ts';
import { capitalized, isSignedIn, type Can, type Rules, type SignedIn } from './rules/common.ts';
import * as adminRules from './rules/admin.ts';
import * as knowledgeRules from './rules/knowledge.ts';
import * as moderationRules from './rules/moderation.ts';
import * as postsRules from './rules/posts.ts';
import * as privateRules from './rules/private.ts';
import * as reviewRules from './rules/review.ts';
import * as staffRules from './rules/staff.ts';
import * as threadsRules from './rules/threads.ts';
import * as workspaceRules from './rules/workspace.ts';

const RULES = {
  threads: threadsRules, posts: postsRules, private: privateRules, moderation: moderationRules,
  staff: staffRules, knowledge: knowledgeRules, workspace: workspaceRules, review: reviewRules, admin: adminRules,
};
type Subject = keyof typeof RULES;
type FactsOfRule<S extends Subject, K extends keyof (typeof RULES)[S]> = (typeof RULES)[S][K] extends (actor: SignedIn, ...facts: infer F) => boolean ? F : never;

const SIGN_IN = 'Sign in to do this.';
const WRITE_SIGN_IN = 'Sign in to write on the forum.';

type Refusals = {
  [S in Subject]: {
    [K in keyof (typeof RULES)[S]]: [refusal: string | ((actor: SignedIn, ...facts: FactsOfRule<S, K>) => string), signIn?: string];
  };
};

/** Why each rule refuses, and the words asking a guest to sign in where they differ from the default. */
const REFUSALS: Refusals = {
  threads: {
    startThread: ['You may not start a thread.', WRITE_SIGN_IN],
    reply: [(_actor, thread) => `This thread is ${thread.status}: it takes no new replies.`, WRITE_SIGN_IN],
    acceptSolution: [(_actor, thread) => (thread.status === 'archived' ? 'This thread is archived.' : 'Only the asker, an advisor or a moderator may choose the solution.')],
    markSameProblem: [(actor, thread) => (actor.memberId === thread.authorId ? 'You asked this question: it is already your problem.' : 'This thread is archived.')],
    confirm: ['Only advisors confirm community answers.'],
  },
  posts: {
    giveKudos: [(_actor, post) => (post.deleted ? 'This post is deleted: it takes no more kudos.' : 'Kudos thank someone else: you cannot give kudos to your own post.')],
    editPost: [(actor, post, thread) => {
    if (actor.memberId !== post.authorId) return 'Only its author or a moderator may edit this post.';
    return post.hidden ? 'This post is hidden by moderation.' : `This thread is ${thread.status}: its posts can no longer be edited.`;
  }],
    deletePost: [(actor, post, thread) => {
    if (actor.memberId !== post.authorId) return 'Only its author or a moderator may delete this post.';
    return post.hidden ? 'This post is hidden by moderation.' : `This thread is ${thread.status}: its posts can no longer be deleted.`;
  }],
    flag: ['You cannot flag your own post.'],
    seeRevisions: ['Only advisors and moderators read the earlier texts of a post.'],
  },
  private: {
    openPrivate: ['Only an advisor or the asker may open a private conversation.'],
    seePrivate: ['Only its asker and the advisors see a private conversation.'],
    seeEveryPrivate: ['Only advisors see every private conversation.'],
    writePrivate: ['Only its asker and the advisors write in an open private conversation.'],
    closePrivate: ['Only an advisor closes a private conversation.'],
  },
  moderation: {
    moderate: ['Only moderators and advisors may do this.'],
    readAudit: ['Only moderators and advisors read the audit log.'],
    reviewFlags: ['Only moderators, advisors and members trusted with review may do this.'],
    grantPowers: ['Only moderators grant moderation powers.'],
  },
  staff: {
    seeAdvisorQueue: ['Only staff may see the advisor queue.'],
    triageThreads: ['Only staff may mark a thread urgent.'],
    manageIncidents: ['Only advisors declare and update incidents.', 'Sign in to manage incidents.'],
    dismissIncidents: ['Only signed-in readers dismiss a banner on the server.', 'Sign in to dismiss a banner on the server; a guest’s browser remembers it instead.'],
    seeMetrics: ['Only staff may see the metrics.'],
    editSignature: ['Only advisors and moderators edit the advisor signature.'],
  },
  knowledge: {
    writeFaq: ['Only advisors and moderators write FAQ articles.', 'Sign in to write the FAQ.'],
  },
  workspace: {
    keepWeeklyPlan: ['Only advisors have a weekly plan.'],
    seeTeamPlans: ['Only advisors and moderators may see the team plans.'],
    seeStaffNotes: ['Only advisors and moderators may read staff notes.'],
    writeStaffNotes: ['Only advisors and moderators may write staff notes.'],
    nudgeExperts: ['Only advisors may ask members to help.'],
    readNotifications: ['Only signed-in members have notifications.'],
    follow: ['Only signed-in members follow threads and categories.', 'Sign in to follow threads and categories.'],
  },
  admin: {
    administer: ['Only the community’s administrators change its settings.'],
    manageWebhooks: ['Only the community’s administrators manage its webhooks.'],
    manageTeam: ['Only the community’s administrators manage the team.'],
  },
  review: {
    writeDrafts: ['Only advisors write and review drafts.'],
    seeDraft: ['Only its author and the colleagues it is shared with see a draft.'],
    editDraft: ['Only its author changes, shares or posts a draft.'],
    reviewDraft: ['A colleague approves your draft; you cannot approve your own.'],
    shareDraftWith: ['A draft is shared with other advisors only.'],
    reviewQuality: ['Only managers (moderators) review the quality of advisor posts.'],
    handOff: ['Only advisors hand a case to the back office.'],
    seeHandoffs: ['Only staff see back-office cases.'],
  },
};

type Ensure<S extends Subject> = {
  [K in keyof (typeof RULES)[S] & string as `ensure${Capitalize<K>}`]: (...args: [...facts: FactsOfRule<S, K>, refusal?: string]) => SignedIn;
};

export type Guardian = { [S in Subject]: Can<(typeof RULES)[S]> & Ensure<S> } & {
  readonly actor: Actor;
  readonly signedIn: boolean;
  /** 401 with `signIn` for a guest; the signed-in actor otherwise. */
  ensureSignedIn(signIn?: string): SignedIn;
};

function cans(actor: Actor, rules: Rules): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, allows] of Object.entries(rules)) out[`can${capitalized(name)}`] = (...facts: never[]) => isSignedIn(actor) && allows(actor, ...facts);
  return out;
}

function ensures(actor: Actor, rules: Rules, refusals: Record<string, [unknown, string?]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, allows] of Object.entries(rules)) {
    const [refusal, signIn] = refusals[name]!;
    // The facts are the rule's parameters after the actor; one more argument is a refusal of the caller's own.
    const arity = Math.max(0, allows.length - 1);
    out[`ensure${capitalized(name)}`] = (...args: never[]) => {
      if (!isSignedIn(actor)) throw new ApiError('unauthorized', signIn ?? SIGN_IN);
      const facts = args.slice(0, arity);
      if (allows(actor, ...facts)) return actor;
      const own = args[arity] as string | undefined;
      throw new ApiError('forbidden', own ?? (typeof refusal === 'string' ? refusal : (refusal as (actor: SignedIn, ...facts: never[]) => string)(actor, ...facts)));
    };
  }
  return out;
}

/** Built once per actor: a request asks several times, and each build makes a hundred closures. */
const guardians = new WeakMap<Actor, Guardian>();

/** Who may do what, for one actor: `canX` and `ensureX` by subject. */
export function guardian(actor: Actor): Guardian {
  let built = guardians.get(actor);
  if (!built) guardians.set(actor, (built = buildGuardian(actor)));
  return built;
}

function buildGuardian(actor: Actor): Guardian {
  const subjects: Record<string, unknown> = {};
  for (const subject of Object.keys(RULES) as Subject[]) {
    const rules = RULES[subject] as unknown as Rules;
    subjects[subject] = { ...cans(actor, rules), ...ensures(actor, rules, REFUSALS[subject]) };
  }
  return {
    ...(subjects as { [S in Subject]: Can<(typeof RULES)[S]> & Ensure<S> }),
    actor,
    signedIn: isSignedIn(actor),
    ensureSignedIn(signIn = SIGN_IN) {
      if (!isSignedIn(actor)) throw new ApiError('unauthorized', signIn);
      return actor;
    },
  };
}
