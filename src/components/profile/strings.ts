/**
 * The member profile's strings, travelling with its lazy chunk rather than the read path's
 * translation tables.
 */
import type { Locale } from '../../core/index.ts';
import { plural } from '../translations/translation.ts';

export interface ProfileStrings {
  heading: (pseudonym: string) => string;
  loading: string;
  notFound: string;
  loadFailed: string;
  retry: string;
  backToForum: string;
  joined: (date: string) => string;
  advisor: string;
  moderator: string;
  admin: string;
  statsLabel: string;
  posts: (n: number) => string;
  questions: (n: number) => string;
  accepted: (n: number) => string;
  confirmed: (n: number) => string;
  kudos: (n: number) => string;
  progressHeading: string;
  topRank: (name: string) => string;
  nextRank: (name: string, level: number) => string;
  score: (have: string, need: string) => string;
  days: (have: string, need: string) => string;
  criteriaHeading: string;
  criteria: (weights: { post: string; acceptedAnswer: string; confirmedAnswer: string; kudos: string }) => string[];
  threadsHeading: string;
  answersHeading: string;
  noThreads: string;
  noAnswers: string;
  more: string;
  loadingMore: string;
  acceptedChip: string;
  confirmedChip: string;
  kudosCount: (n: number) => string;
  inThread: (title: string) => string;
}

/** French typography puts a no-break space before the colon. */
const NBSP = '\u00a0';

export const profileStrings: Record<Locale, ProfileStrings> = {
  fr: {
    heading: (pseudonym) => `Profil de ${pseudonym}`,
    loading: 'Chargement du profil…',
    notFound: 'Ce membre n’existe pas, ou plus.',
    loadFailed: 'Le profil n’a pas pu être chargé.',
    retry: 'Réessayer',
    backToForum: 'Retour au forum',
    joined: (date) => `Membre depuis ${date}`,
    advisor: 'Conseiller',
    moderator: 'Modérateur',
    admin: 'Administration',
    statsLabel: 'Participation',
    posts: plural('fr', { one: '# message', other: '# messages' }),
    questions: plural('fr', { one: '# question posée', other: '# questions posées' }),
    accepted: plural('fr', { one: '# réponse acceptée', other: '# réponses acceptées' }),
    confirmed: plural('fr', { one: '# réponse confirmée par un conseiller', other: '# réponses confirmées par un conseiller' }),
    kudos: plural('fr', { one: '# kudo reçu', other: '# kudos reçus' }),
    progressHeading: 'Progression',
    topRank: (name) => `Statut le plus haut atteint${NBSP}: ${name}.`,
    nextRank: (name, level) => `Prochain statut${NBSP}: ${name} (niveau ${level})`,
    score: (have, need) => `${have} points sur ${need}`,
    days: (have, need) => `${have} jours d’ancienneté sur ${need}`,
    criteriaHeading: 'Comment les points se comptent',
    criteria: (w) => [`${w.post} par message`, `${w.acceptedAnswer} par réponse acceptée`, `${w.confirmedAnswer} par réponse confirmée par un conseiller`, `${w.kudos} par kudo reçu`],
    threadsHeading: 'Ses questions',
    answersHeading: 'Ses réponses',
    noThreads: 'Aucune question pour l’instant.',
    noAnswers: 'Aucune réponse pour l’instant.',
    more: 'Voir plus',
    loadingMore: 'Chargement…',
    acceptedChip: 'Acceptée',
    confirmedChip: 'Confirmée',
    kudosCount: plural('fr', { one: '# kudo', other: '# kudos' }),
    inThread: (title) => `Dans «${NBSP}${title}${NBSP}»`,
  },
  en: {
    heading: (pseudonym) => `${pseudonym}’s profile`,
    loading: 'Loading the profile…',
    notFound: 'This member does not exist, or no longer does.',
    loadFailed: 'The profile could not be loaded.',
    retry: 'Try again',
    backToForum: 'Back to the forum',
    joined: (date) => `Member since ${date}`,
    advisor: 'Advisor',
    moderator: 'Moderator',
    admin: 'Administration',
    statsLabel: 'Participation',
    posts: plural('en', { one: '# post', other: '# posts' }),
    questions: plural('en', { one: '# question asked', other: '# questions asked' }),
    accepted: plural('en', { one: '# accepted answer', other: '# accepted answers' }),
    confirmed: plural('en', { one: '# answer confirmed by an advisor', other: '# answers confirmed by an advisor' }),
    kudos: plural('en', { one: '# kudo received', other: '# kudos received' }),
    progressHeading: 'Progress',
    topRank: (name) => `Highest status reached: ${name}.`,
    nextRank: (name, level) => `Next status: ${name} (level ${level})`,
    score: (have, need) => `${have} of ${need} points`,
    days: (have, need) => `${have} of ${need} days of membership`,
    criteriaHeading: 'How points are counted',
    criteria: (w) => [`${w.post} per post`, `${w.acceptedAnswer} per accepted answer`, `${w.confirmedAnswer} per answer confirmed by an advisor`, `${w.kudos} per kudo received`],
    threadsHeading: 'Questions',
    answersHeading: 'Answers',
    noThreads: 'No question yet.',
    noAnswers: 'No answer yet.',
    more: 'Show more',
    loadingMore: 'Loading…',
    acceptedChip: 'Accepted',
    confirmedChip: 'Confirmed',
    kudosCount: plural('en', { one: '# kudo', other: '# kudos' }),
    inThread: (title) => `In “${title}”`,
  },
};
