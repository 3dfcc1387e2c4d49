import type { Role, ThreadStatus } from '../../core/index.ts';

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
  loadMore: string;
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
  signInToReply: string;
  threadClosed: string;
  newReplyFrom: (pseudonym: string) => string;

  roleBadge: (role: Role, team: string | null) => string;
  level: string;
  memberSince: (monthYear: string) => string;
  postedOn: (date: string) => string;

  titleLabel: string;
  questionLabel: string;
  replyLabel: string;
  newQuestionHeading: string;
  replyHeading: string;
  charCount: (count: number, max: number) => string;
  sendHint: string;
  send: string;
  sendReply: string;
  sending: string;
  draftRestored: string;
  sent: string;
  tooShort: (min: number) => string;
  sendFailed: string;
}

/** A plural chooser for one language, so translation files stay declarative. */
export function plural(locale: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (n: number): string => (forms[rules.select(n)] ?? forms.other).replace('#', numbers.format(n));
}
