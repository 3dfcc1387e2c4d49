import type { FlagReason, IncidentStatus, Role, ThreadStatus } from '../../core/index.ts';

/**
 * Every string the elements show. Counted or parameterised strings are functions, so each
 * language applies its own plural rules and word order.
 */
export interface Translation {
  /** BCP 47 tag given to `Intl` formatters. */
  locale: string;

  forumLabel: string;
  signIn: string;
  signedInAs: (pseudonym: string) => string;
  signInUnavailable: string;
  /** The API refused the reader's token and no fresh one came: they read on as a guest. */
  sessionEnded: string;
  signInAgain: string;

  loading: string;
  retry: string;
  loadFailed: string;
  networkFailed: string;
  notFound: string;
  pageNotFound: string;
  backToCategories: string;
  backToCategory: (name: string) => string;

  categoriesHeading: string;
  noCategories: string;
  threadCount: (n: number) => string;
  postCount: (n: number) => string;
  lastActivity: (when: string) => string;
  noActivity: string;

  noThreads: string;
  threadStatus: Record<ThreadStatus, string>;
  by: (pseudonym: string) => string;
  replyCount: (n: number) => string;
  /** Posts the signed-in reader has not read yet in a thread they read or follow ("3 new"). */
  newPosts: (n: number) => string;
  /** The button under a long thread's loaded posts. */
  /** The link to the previous page of a long thread, on a server-rendered page past the first. */
  previousPosts: string;
  showMoreReplies: (remaining: number) => string;
  /** The forum header's link to search. */
  searchLink: string;
  loadMore: string;
  /** `<entraide-search>` and `<entraide-faq-link>`. */
  search: {
    label: string;
    placeholder: string;
    submit: string;
    clear: string;
    searching: string;
    resultCount: (n: number) => string;
    noResult: (query: string) => string;
    askInstead: string;
    ask: string;
    faqHeading: string;
    threadsHeading: string;
    moreResults: string;
    faqArticle: string;
    readArticle: string;
    /** Around the suggested words: "Vouliez-vous dire « forfait » ?" (the words are a link). */
    didYouMeanBefore: string;
    didYouMeanAfter: string;
  };
  /** `<entraide-incident-banner>`: outages declared by advisors (study §11). */
  incident: {
    label: string;
    status: Record<IncidentStatus, string>;
    updated: (when: string) => string;
    region: (name: string) => string;
    showDetails: string;
    hideDetails: string;
    history: string;
    noUpdates: string;
    /** The close button's accessible name. */
    dismiss: (title: string) => string;
    /** Said once a banner is dismissed. */
    dismissed: string;
  };
  acceptedSolution: string;
  confirmsAnswersOf: string;
  faqArticles: string;
  assistedBy: string;
  advisorSignature: string;
  filterLabel: string;
  threadFilters: Record<'all' | 'unanswered' | 'solved' | 'mine', string>;
  sortLabel: string;
  threadSorts: Record<'activity' | 'newest', string>;
  noThreadsFiltered: string;
  loadingMore: string;
  newQuestion: string;
  signInToAsk: string;
  threadListLabel: (category: string) => string;

  postsLabel: string;
  question: string;
  trace: string;
  /** A deleted post's tombstone, by who deleted it. */
  deletedByAuthor: string;
  deletedByStaff: string;
  signInToReply: string;
  threadClosed: string;
  newReplyFrom: (pseudonym: string) => string;

  roleBadge: (role: Role, team: string | null) => string;
  level: string;
  memberSince: (monthYear: string) => string;
  postedOn: (date: string) => string;

  /** Post actions, community replies and "same problem here" (`post-actions`, `community-reply`, `same-problem`). */
  postActionsLabel: (pseudonym: string) => string;
  kudos: string;
  kudosCount: (n: number) => string;
  signInToReact: string;
  acceptSolution: string;
  withdrawSolution: string;
  solutionAccepted: string;
  solutionWithdrawn: string;
  quote: string;
  flag: string;
  flagged: string;
  flagLegend: string;
  flagReasons: Record<FlagReason, string>;
  flagNote: string;
  sendFlag: string;
  cancel: string;
  flagSent: string;
  alreadyFlagged: string;
  copyLink: string;
  linkCopied: string;
  copyLinkByHand: string;
  actionFailed: string;
  communityAnswer: string;
  answerBy: (pseudonym: string) => string;
  confirmedBy: (advisor: string) => string;
  seeAnswer: string;
  sameProblem: string;
  sameProblemCount: (n: number) => string;
  signInSameProblem: string;
  deletePost: string;
  deleteConfirm: string;
  deleteConfirmYes: string;
  /** Staff deleting someone else's post: what readers will see, and that a reason is asked. */
  deleteConfirmStaff: string;
  deleteReason: string;
  postDeleted: string;

  titleLabel: string;
  questionLabel: string;
  replyLabel: string;
  newQuestionHeading: string;
  replyHeading: string;
  sendHint: string;
  send: string;
  sendReply: string;
  sending: string;
  draftRestored: string;
  sent: string;
  tooShort: (min: number) => string;
  sendFailed: string;

  /** Composer extras: preview tabs, @mentions, "maybe already answered", account access. */
  editorModes: string;
  writeTab: string;
  previewTab: string;
  previewLoading: string;
  previewEmpty: string;
  previewFailed: string;
  previewSignIn: string;
  mentionListLabel: string;
  mentionAsker: string;
  mentionsAvailable: (n: number) => string;
  deflectionHeading: string;
  deflectionIntro: string;
  deflectionFaq: string;
  deflectionThreads: string;
  deflectionFound: (n: number) => string;
  deflectionDismiss: string;
  needsAccountLabel: string;
  needsAccountHelp: string;
}

/**
 * The strings of elements that load as chunks travel with them: each chunk registers its own
 * table (`registerStrings`), and the read path carries only `CoreTranslation`.
 */
export type ComposerKey =
  | 'titleLabel' | 'questionLabel' | 'replyLabel' | 'sendHint' | 'send' | 'sendReply'
  | 'sending' | 'draftRestored' | 'sent' | 'tooShort' | 'sendFailed' | 'editorModes' | 'writeTab'
  | 'previewTab' | 'previewLoading' | 'previewEmpty' | 'previewFailed' | 'previewSignIn'
  | 'mentionListLabel' | 'mentionAsker' | 'mentionsAvailable' | 'deflectionHeading' | 'deflectionIntro'
  | 'deflectionFaq' | 'deflectionThreads' | 'deflectionFound' | 'deflectionDismiss'
  | 'needsAccountLabel' | 'needsAccountHelp';
export type InteractionsKey =
  | 'postActionsLabel' | 'kudos' | 'kudosCount' | 'signInToReact' | 'acceptSolution'
  | 'withdrawSolution' | 'solutionAccepted' | 'solutionWithdrawn' | 'quote' | 'flag' | 'flagged'
  | 'flagLegend' | 'flagReasons' | 'flagNote' | 'sendFlag' | 'cancel' | 'flagSent' | 'alreadyFlagged'
  | 'copyLink' | 'linkCopied' | 'copyLinkByHand' | 'actionFailed' | 'communityAnswer' | 'answerBy'
  | 'confirmedBy' | 'seeAnswer' | 'sameProblem' | 'sameProblemCount' | 'signInSameProblem'
  | 'deletePost' | 'deleteConfirm' | 'deleteConfirmYes' | 'deleteConfirmStaff' | 'deleteReason' | 'postDeleted'
  | 'confirmsAnswersOf' | 'faqArticles' | 'assistedBy';
/** The session-ended notice is rare (a refused token): its strings load with it. */
export type SessionEndedKey = 'sessionEnded' | 'signInAgain';
export type ChunkKey = ComposerKey | InteractionsKey | SessionEndedKey | 'search' | 'incident';
export type CoreTranslation = Omit<Translation, ChunkKey>;
/** One chunk's strings, in every built-in language. */
export type ChunkStrings<K extends ChunkKey> = Record<'fr' | 'en', Pick<Translation, K>>;

/**
 * A plural chooser for one language, so translation files stay declarative. Its `Intl` objects
 * come on first use: loading a translation (on a rendered page, while it hydrates) builds none.
 */
export function plural(locale: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) {
  let intl: [Intl.PluralRules, Intl.NumberFormat] | undefined;
  return (n: number): string => {
    const [rules, numbers] = (intl ??= [new Intl.PluralRules(locale), new Intl.NumberFormat(locale)]);
    return (forms[rules.select(n)] ?? forms.other).replace('#', numbers.format(n));
  };
}
