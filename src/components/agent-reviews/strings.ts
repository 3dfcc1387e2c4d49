/**
 * Colleague review's strings (drafts shared with me, study §44, §46, §52), travelling with the
 * advisor workspace's lazy chunk rather than the read path's translation tables.
 */
import type { Locale } from '../../core/index.ts';

export interface AgentReviewsStrings {
  heading: string;
  intro: string;
  advisorsOnly: string;
  loading: string;
  loadFailed: string;
  retry: string;
  empty: string;
  refresh: string;
  inThread: string;
  byAuthor: (pseudonym: string) => string;
  updated: (when: string) => string;
  /** The draft will be posted as a confirmation crediting `count` community replies. */
  citing: (count: number) => string;
  faqLinked: (count: number) => string;
  reviewers: string;
  approved: string;
  awaiting: string;
  you: string;
  comments: string;
  noComments: string;
  commentLabel: string;
  commentHelp: string;
  tooShort: string;
  send: string;
  sending: string;
  sendFailed: string;
  approve: string;
  approving: string;
  youApproved: string;
  approveFailed: string;
  posted: string;
}

const plural = (locale: Locale, count: number, one: string, other: string) => (new Intl.PluralRules(locale).select(count) === 'one' ? one : other);

const fr: AgentReviewsStrings = {
  heading: 'Relectures',
  intro: 'Les brouillons que vos collègues vous ont confiés avant de répondre en public : commentez, ou approuvez la formulation.',
  advisorsOnly: 'La relecture entre collègues est réservée aux conseillers.',
  loading: 'Chargement…',
  loadFailed: 'Le chargement a échoué.',
  retry: 'Réessayer',
  empty: 'Aucun brouillon n’attend votre relecture.',
  refresh: 'Actualiser',
  inThread: 'Dans le fil',
  byAuthor: (pseudonym) => `Brouillon de ${pseudonym}`,
  updated: (when) => `modifié ${when}`,
  citing: (count) => `Confirmation citant ${count} ${plural('fr', count, 'réponse', 'réponses')} de la communauté`,
  faqLinked: (count) => `${count} ${plural('fr', count, 'article', 'articles')} de FAQ en lien`,
  reviewers: 'Relecteurs',
  approved: 'a approuvé',
  awaiting: 'relecture en attente',
  you: 'vous',
  comments: 'Commentaires',
  noComments: 'Pas encore de commentaire.',
  commentLabel: 'Votre commentaire',
  commentHelp: 'De 2 à 4 000 caractères ; Ctrl+Entrée pour envoyer.',
  tooShort: 'Écrivez au moins 2 caractères.',
  send: 'Commenter',
  sending: 'Envoi…',
  sendFailed: 'Le commentaire n’a pas été envoyé.',
  approve: 'Approuver cette formulation',
  approving: 'Approbation…',
  youApproved: 'Vous avez approuvé cette formulation.',
  approveFailed: 'L’approbation a échoué.',
  posted: 'Publié',
};

const en: AgentReviewsStrings = {
  heading: 'Reviews',
  intro: 'Drafts your colleagues shared with you before writing in public: comment, or approve the wording.',
  advisorsOnly: 'Colleague review is for advisors only.',
  loading: 'Loading…',
  loadFailed: 'Loading failed.',
  retry: 'Retry',
  empty: 'No draft awaits your review.',
  refresh: 'Refresh',
  inThread: 'In the thread',
  byAuthor: (pseudonym) => `Draft by ${pseudonym}`,
  updated: (when) => `updated ${when}`,
  citing: (count) => `Confirmation citing ${count} community ${plural('en', count, 'reply', 'replies')}`,
  faqLinked: (count) => `${count} FAQ ${plural('en', count, 'article', 'articles')} linked`,
  reviewers: 'Reviewers',
  approved: 'approved',
  awaiting: 'review pending',
  you: 'you',
  comments: 'Comments',
  noComments: 'No comment yet.',
  commentLabel: 'Your comment',
  commentHelp: '2 to 4,000 characters; Ctrl+Enter sends.',
  tooShort: 'Write at least 2 characters.',
  send: 'Comment',
  sending: 'Sending…',
  sendFailed: 'The comment was not sent.',
  approve: 'Approve this wording',
  approving: 'Approving…',
  youApproved: 'You approved this wording.',
  approveFailed: 'Approving failed.',
  posted: 'Posted',
};

export const agentReviewsStrings: Record<Locale, AgentReviewsStrings> = { fr, en };
