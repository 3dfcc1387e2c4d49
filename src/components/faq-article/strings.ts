/** The FAQ article page's strings, travelling with its lazy chunk. */
import type { Locale } from '../../core/index.ts';

export interface FaqArticleStrings {
  kind: string;
  loading: string;
  notFound: string;
  loadFailed: string;
  retry: string;
  backToForum: string;
  updated: (date: string) => string;
  relatedHeading: string;
  relatedHelp: string;
  noRelated: string;
  linked: string;
  replies: (n: number) => string;
}

const NBSP = '\u00a0';

export const faqArticleStrings: Record<Locale, FaqArticleStrings> = {
  fr: {
    kind: 'Article de la FAQ',
    loading: 'Chargement de l’article…',
    notFound: 'Cet article de la FAQ n’existe pas, ou plus.',
    loadFailed: 'L’article n’a pas pu être chargé.',
    retry: 'Réessayer',
    backToForum: 'Retour au forum',
    updated: (date) => `Mis à jour le ${date}`,
    relatedHeading: 'Discussions résolues sur ce sujet',
    relatedHelp: `D’abord celles où un conseiller a cité cet article, puis celles qui parlent du même sujet.`,
    noRelated: 'Aucune discussion résolue sur ce sujet pour l’instant.',
    linked: `Cite cet article`,
    replies: (n) => (n < 2 ? `${n}${NBSP}réponse` : `${new Intl.NumberFormat('fr').format(n)}${NBSP}réponses`),
  },
  en: {
    kind: 'Help article',
    loading: 'Loading the article…',
    notFound: 'This help article does not exist, or no longer does.',
    loadFailed: 'The article could not be loaded.',
    retry: 'Try again',
    backToForum: 'Back to the forum',
    updated: (date) => `Updated on ${date}`,
    relatedHeading: 'Solved threads on this topic',
    relatedHelp: 'First those where an advisor pointed to this article, then those on the same topic.',
    noRelated: 'No solved thread on this topic yet.',
    linked: 'Cites this article',
    replies: (n) => (n === 1 ? '1 reply' : `${new Intl.NumberFormat('en').format(n)} replies`),
  },
};
