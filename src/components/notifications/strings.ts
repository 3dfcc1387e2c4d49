/**
 * The notifications button's strings, kept out of the read path's translation tables: the
 * element is its own lazy chunk. Parameterised strings are functions.
 */
import type { Locale } from '../../core/index.ts';

export interface NotificationsStrings {
  /** The button's accessible name, with the unread count when there is one. */
  button: (unread: number) => string;
  heading: string;
  loading: string;
  failed: string;
  retry: string;
  empty: string;
  /** An expert nudge: an advisor asks the member to help on a thread. */
  nudge: (advisor: string) => string;
  nudgeNoAdvisor: string;
  deletedThread: string;
  unread: string;
  close: string;
}

const fr: NotificationsStrings = {
  button: (unread) => (unread === 0 ? 'Notifications' : unread === 1 ? 'Notifications, 1 non lue' : `Notifications, ${unread} non lues`),
  heading: 'Notifications',
  loading: 'Chargement des notifications…',
  failed: 'Les notifications n’ont pas pu être chargées.',
  retry: 'Réessayer',
  empty: 'Aucune notification pour le moment.',
  nudge: (advisor) => `${advisor} vous demande votre aide sur :`,
  nudgeNoAdvisor: 'Un conseiller vous demande votre aide sur :',
  deletedThread: 'une discussion qui n’existe plus',
  unread: 'non lue',
  close: 'Fermer',
};

const en: NotificationsStrings = {
  button: (unread) => (unread === 0 ? 'Notifications' : unread === 1 ? 'Notifications, 1 unread' : `Notifications, ${unread} unread`),
  heading: 'Notifications',
  loading: 'Loading notifications…',
  failed: 'Notifications could not be loaded.',
  retry: 'Try again',
  empty: 'No notifications yet.',
  nudge: (advisor) => `${advisor} asks for your help on:`,
  nudgeNoAdvisor: 'An advisor asks for your help on:',
  deletedThread: 'a thread that no longer exists',
  unread: 'unread',
  close: 'Close',
};

export const notificationsStrings: Record<Locale, NotificationsStrings> = { fr, en };
