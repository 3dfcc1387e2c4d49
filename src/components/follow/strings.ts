/** The follow control's strings: its own lazy chunk, so kept out of the read path's tables. */
import type { Locale } from '../../core/index.ts';

export interface FollowStrings {
  /** The group's name, for the thread or the category. */
  label: (target: 'thread' | 'category') => string;
  follow: string;
  mute: string;
  /** What following means, read after the button's name. */
  followHint: (target: 'thread' | 'category') => string;
  muteHint: (target: 'thread' | 'category') => string;
  failed: string;
}

const fr: FollowStrings = {
  label: (target) => (target === 'thread' ? 'Suivi de la discussion' : 'Suivi de la rubrique'),
  follow: 'Suivre',
  mute: 'Ignorer',
  followHint: (target) => (target === 'thread' ? 'Être notifié des réponses.' : 'Être notifié des nouvelles questions.'),
  muteHint: (target) => (target === 'thread' ? 'Ne plus rien recevoir de cette discussion.' : 'Ne plus rien recevoir de cette rubrique.'),
  failed: 'Le changement n’a pas pu être enregistré. Réessayez.',
};

const en: FollowStrings = {
  label: (target) => (target === 'thread' ? 'Following this thread' : 'Following this category'),
  follow: 'Follow',
  mute: 'Mute',
  followHint: (target) => (target === 'thread' ? 'Get notified of replies.' : 'Get notified of new questions.'),
  muteHint: (target) => (target === 'thread' ? 'Get nothing more from this thread.' : 'Get nothing more from this category.'),
  failed: 'The change could not be saved. Try again.',
};

export const followStrings: Record<Locale, FollowStrings> = { fr, en };
