/** The preferences page's strings, in its own lazy chunk (not the read path's tables). */
import type { EmailMode, Locale, NotificationKind } from '../../core/index.ts';

export interface PreferencesStrings {
  heading: string;
  signedOut: string;
  loading: string;
  loadFailed: string;
  retry: string;
  followOnReply: string;
  emailHeading: string;
  emailMode: string;
  modes: Record<EmailMode, string>;
  noAddress: string;
  mutedKinds: string;
  mutedHelp: string;
  kinds: Record<NotificationKind, string>;
  language: string;
  languageFollowsPage: string;
  localeNames: Record<Locale, string>;
  save: string;
  saving: string;
  saved: string;
  saveFailed: (reason: string) => string;
}

const fr: PreferencesStrings = {
  heading: 'Mes préférences',
  signedOut: 'Connectez-vous pour choisir vos préférences.',
  loading: 'Chargement de vos préférences…',
  loadFailed: 'Vos préférences n’ont pas pu être chargées.',
  retry: 'Réessayer',
  followOnReply: 'Suivre les discussions auxquelles je réponds',
  emailHeading: 'Notifications par e-mail',
  emailMode: 'Quand m’écrire',
  modes: { immediate: 'Quelques minutes après une notification non lue', daily: 'Un résumé par jour', off: 'Jamais' },
  noAddress: 'Aucune adresse e-mail n’est connue pour votre compte : le forum ne vous écrira pas.',
  mutedKinds: 'Ne jamais m’écrire pour :',
  mutedHelp: 'Ces notifications restent visibles dans le forum.',
  kinds: {
    reply: 'Une réponse dans une discussion suivie', 'new-thread': 'Une question dans une catégorie suivie', mention: 'Une mention de mon pseudo', 'answer-accepted': 'Ma réponse acceptée',
    'answer-confirmed': 'Ma réponse confirmée par un conseiller', kudos: 'Des kudos', 'private-message': 'Un message privé',
    'private-opened': 'Ma demande prise en charge en privé', incident: 'Un incident qui me concerne', 'expert-nudge': 'Une demande d’aide d’un conseiller',
    'post-edited': 'Mon message modifié par l’équipe',
  },
  language: 'Langue du forum et des e-mails',
  languageFollowsPage: 'Celle de la page',
  localeNames: { fr: 'Français', en: 'English' },
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Préférences enregistrées.',
  saveFailed: (reason) => `Non enregistré : ${reason}`,
};

const en: PreferencesStrings = {
  heading: 'My preferences',
  signedOut: 'Sign in to choose your preferences.',
  loading: 'Loading your preferences…',
  loadFailed: 'Your preferences could not be loaded.',
  retry: 'Try again',
  followOnReply: 'Follow the threads I reply to',
  emailHeading: 'E-mail notifications',
  emailMode: 'When to e-mail me',
  modes: { immediate: 'A few minutes after an unread notification', daily: 'One summary a day', off: 'Never' },
  noAddress: 'No e-mail address is known for your account: the forum will not e-mail you.',
  mutedKinds: 'Never e-mail me about:',
  mutedHelp: 'These notifications still show in the forum.',
  kinds: {
    reply: 'A reply in a thread I follow', 'new-thread': 'A question in a category I follow', mention: 'A mention of my name', 'answer-accepted': 'My answer accepted',
    'answer-confirmed': 'My answer confirmed by an advisor', kudos: 'Kudos', 'private-message': 'A private message',
    'private-opened': 'My question taken into private', incident: 'An incident that concerns me', 'expert-nudge': 'An advisor asking for my help',
    'post-edited': 'My post edited by the team',
  },
  language: 'Language of the forum and e-mails',
  languageFollowsPage: 'The page’s',
  localeNames: { fr: 'Français', en: 'English' },
  save: 'Save',
  saving: 'Saving…',
  saved: 'Preferences saved.',
  saveFailed: (reason) => `Not saved: ${reason}`,
};

export const preferencesStrings: Record<Locale, PreferencesStrings> = { fr, en };
