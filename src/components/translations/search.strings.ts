import type { ChunkStrings } from './translation.ts';
import { plural } from './translation.ts';

/** French typography puts a no-break space before the colon. */
const NBSP = '\u00a0';

/** Strings of `<entraide-search>` and `<entraide-faq-link>` (the search chunk). */
export const searchStrings: ChunkStrings<'search'> = {
  fr: {
    search: {
      label: 'Rechercher dans l’aide',
      placeholder: 'Décrivez votre problème en quelques mots',
      submit: 'Rechercher',
      clear: 'Effacer la recherche',
      searching: 'Recherche en cours…',
      resultCount: plural('fr', { one: '# résultat', other: '# résultats' }),
      noResult: (query) => `Aucun résultat pour «${NBSP}${query}${NBSP}».`,
      askInstead: `Personne n’a encore posé cette question${NBSP}: la communauté peut vous aider.`,
      ask: 'Poser une question',
      faqHeading: 'Articles de la FAQ',
      threadsHeading: 'Discussions du forum',
      moreResults: 'Plus de résultats',
      faqArticle: 'Article de la FAQ',
      readArticle: 'Lire l’article',
      didYouMeanBefore: `Vouliez-vous dire «${NBSP}`,
      didYouMeanAfter: `${NBSP}»${NBSP}?`,
    },
  },
  en: {
    search: {
      label: 'Search help',
      placeholder: 'Describe your problem in a few words',
      submit: 'Search',
      clear: 'Clear the search',
      searching: 'Searching…',
      resultCount: plural('en', { one: '# result', other: '# results' }),
      noResult: (query) => `No result for “${query}”.`,
      askInstead: 'Nobody has asked this yet: the community can help.',
      ask: 'Ask a question',
      faqHeading: 'Help articles',
      threadsHeading: 'Forum threads',
      moreResults: 'More results',
      faqArticle: 'Help article',
      readArticle: 'Read the article',
      didYouMeanBefore: 'Did you mean “',
      didYouMeanAfter: '”?',
    },
  },
};
