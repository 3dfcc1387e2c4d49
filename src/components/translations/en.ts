import type { CoreTranslation } from './translation.ts';
import { plural } from './translation.ts';
import type { Role } from '../../core/index.ts';

const ROLE_NAMES: Record<Role, string> = { member: 'member', advisor: 'advisor', moderator: 'moderator', admin: 'administrator' };

const TEAMS: Record<string, string> = { technical: 'Technical', commercial: 'Sales' };

export const en: CoreTranslation = {
  locale: 'en',

  forumLabel: 'Community support forum',
  signIn: 'Sign in',
  signedInAs: (pseudonym) => `Signed in as ${pseudonym}`,
  signInUnavailable: 'Sign-in is not available on this page.',

  loading: 'Loading…',
  retry: 'Retry',
  loadFailed: 'This could not be loaded.',
  networkFailed: 'The server could not be reached. Check your connection, then retry.',
  notFound: 'This page does not exist or was removed.',
  pageNotFound: 'Page not found',
  backToCategories: 'All categories',
  backToCategory: (name) => `Back to ${name}`,

  categoriesHeading: 'Categories',
  noCategories: 'There are no categories yet.',
  threadCount: plural('en', { one: '# thread', other: '# threads' }),
  postCount: plural('en', { one: '# post', other: '# posts' }),
  lastActivity: (when) => `Last activity ${when}`,
  noActivity: 'No activity yet',

  noThreads: 'No questions here yet. Be the first to ask.',
  threadStatus: { open: 'Open', answered: 'Answered', solved: 'Solved', closed: 'Closed', archived: 'Archived' },
  by: (pseudonym) => `by ${pseudonym}`,
  replyCount: plural('en', { one: '# reply', other: '# replies' }),
  newPosts: plural('en', { one: '# new', other: '# new' }),
  previousPosts: 'Earlier posts',
  showMoreReplies: plural('en', { one: 'Show # more post', other: 'Show more posts (# not shown yet)' }),
  searchLink: 'Search',
  loadMore: 'Load more',
  acceptedSolution: 'Accepted solution',
  advisorSignature: 'Advisor signature',
  filterLabel: 'Show',
  threadFilters: { all: 'All', unanswered: 'Unanswered', solved: 'Solved', mine: 'Mine' },
  sortLabel: 'Sort by',
  threadSorts: { activity: 'Latest activity', newest: 'Newest questions' },
  noThreadsFiltered: 'No question matches this filter.',
  loadingMore: 'Loading more…',
  newQuestion: 'New question',
  signInToAsk: 'Sign in to ask a question',
  threadListLabel: (category) => `Questions in ${category}`,

  postsLabel: 'Posts',
  question: 'Question',
  trace: 'Follow-up note',
  deletedByAuthor: 'Deleted by its author',
  deletedByStaff: 'Deleted by moderation',
  signInToReply: 'Sign in to reply',
  threadClosed: 'This thread is closed to new replies.',
  newReplyFrom: (pseudonym) => `New reply from ${pseudonym}`,

  roleBadge: (role, team) => {
    const name = ROLE_NAMES[role];
    const teamName = team ? (TEAMS[team] ?? team) : '';
    return teamName ? `${teamName} ${name}` : name.charAt(0).toUpperCase() + name.slice(1);
  },
  level: 'Level',
  memberSince: (monthYear) => `Member since ${monthYear}`,
  postedOn: (date) => `Posted on ${date}`,

  newQuestionHeading: 'Ask a question',
  replyHeading: 'Reply',
};
