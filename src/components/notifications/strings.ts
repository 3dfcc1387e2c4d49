/**
 * The notifications button's strings, kept out of the read path's translation tables: the
 * element is its own lazy chunk. Parameterised strings are functions; each kind has its sentence.
 */
import type { Locale, NotificationKind } from '../../core/index.ts';

/** What a sentence may name: who did it, the thread's title, how many events (kudos), the incident. */
export interface SentenceFacts {
  by: string | null;
  title: string;
  count: number;
  incident: string;
}

export interface NotificationsStrings {
  /** The button's accessible name, with the unread count when there is one. */
  button: (unread: number) => string;
  heading: string;
  loading: string;
  failed: string;
  retry: string;
  empty: string;
  /** One sentence per kind. */
  sentence: Record<NotificationKind, (facts: SentenceFacts) => string>;
  /** Who, when nobody is named (an account gone since). */
  someone: string;
  deletedThread: string;
  unread: string;
  markRead: string;
  markAllRead: string;
  close: string;
}

const frOf = (title: string) => `« ${title} »`;
const enOf = (title: string) => `“${title}”`;

const fr: NotificationsStrings = {
  button: (unread) => (unread === 0 ? 'Notifications' : unread === 1 ? 'Notifications, 1 non lue' : `Notifications, ${unread} non lues`),
  heading: 'Notifications',
  loading: 'Chargement des notifications…',
  failed: 'Les notifications n’ont pas pu être chargées.',
  retry: 'Réessayer',
  empty: 'Aucune notification pour le moment.',
  sentence: {
    reply: ({ by, title }) => `${by} a répondu à ${frOf(title)}`,
    'new-thread': ({ by, title }) => `${by} a posé une question : ${frOf(title)}`,
    mention: ({ by, title }) => `${by} vous a mentionné dans ${frOf(title)}`,
    'answer-accepted': ({ by, title }) => `${by} a accepté votre réponse à ${frOf(title)}`,
    'answer-confirmed': ({ by, title }) => `${by} a confirmé et crédité votre réponse à ${frOf(title)}`,
    kudos: ({ by, title, count }) => (count === 1 ? `${by} a donné un kudos à votre message dans ${frOf(title)}` : `${count} kudos sur votre message dans ${frOf(title)}`),
    'private-message': ({ by, title }) => `Nouveau message privé de ${by} à propos de ${frOf(title)}`,
    'private-opened': ({ by, title }) => `${by} prend en charge ${frOf(title)} par message privé`,
    incident: ({ incident }) => `Incident en cours : ${incident}`,
    'expert-nudge': ({ by, title }) => `${by} vous demande votre aide sur ${frOf(title)}`,
    'post-edited': ({ by, title }) => `${by} a modifié votre message dans ${frOf(title)}`,
  },
  someone: 'Quelqu’un',
  deletedThread: 'une discussion qui n’existe plus',
  unread: 'non lue',
  markRead: 'Marquer comme lue',
  markAllRead: 'Tout marquer comme lu',
  close: 'Fermer',
};

const en: NotificationsStrings = {
  button: (unread) => (unread === 0 ? 'Notifications' : unread === 1 ? 'Notifications, 1 unread' : `Notifications, ${unread} unread`),
  heading: 'Notifications',
  loading: 'Loading notifications…',
  failed: 'Notifications could not be loaded.',
  retry: 'Try again',
  empty: 'No notifications yet.',
  sentence: {
    reply: ({ by, title }) => `${by} replied to ${enOf(title)}`,
    'new-thread': ({ by, title }) => `${by} asked a question: ${enOf(title)}`,
    mention: ({ by, title }) => `${by} mentioned you in ${enOf(title)}`,
    'answer-accepted': ({ by, title }) => `${by} accepted your answer to ${enOf(title)}`,
    'answer-confirmed': ({ by, title }) => `${by} confirmed and credited your answer to ${enOf(title)}`,
    kudos: ({ by, title, count }) => (count === 1 ? `${by} gave kudos to your post in ${enOf(title)}` : `${count} kudos on your post in ${enOf(title)}`),
    'private-message': ({ by, title }) => `New private message from ${by} about ${enOf(title)}`,
    'private-opened': ({ by, title }) => `${by} is handling ${enOf(title)} by private message`,
    incident: ({ incident }) => `Ongoing incident: ${incident}`,
    'expert-nudge': ({ by, title }) => `${by} asks for your help on ${enOf(title)}`,
    'post-edited': ({ by, title }) => `${by} edited your post in ${enOf(title)}`,
  },
  someone: 'Someone',
  deletedThread: 'a thread that no longer exists',
  unread: 'unread',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  close: 'Close',
};

export const notificationsStrings: Record<Locale, NotificationsStrings> = { fr, en };
