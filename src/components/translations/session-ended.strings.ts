import type { ChunkStrings, SessionEndedKey } from './translation.ts';

/** French typography puts a no-break space before the colon. */
const NBSP = '\u00a0';

/** Strings of the forum's session-ended notice (its own chunk: a session rarely ends so). */
export const sessionEndedStrings: ChunkStrings<SessionEndedKey> = {
  fr: {
    sessionEnded: `Votre session a pris fin${NBSP}: vous lisez le forum en tant que visiteur.`,
    signInAgain: 'Se reconnecter',
  },
  en: {
    sessionEnded: 'Your session has ended: you are reading the forum as a guest.',
    signInAgain: 'Sign in again',
  },
};
