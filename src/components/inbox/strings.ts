/**
 * The private inbox's strings, kept out of the read path's translation tables: the element is
 * its own lazy chunk. Parameterised strings are functions.
 */
import type { Locale } from '../../core/index.ts';

export interface InboxStrings {
  heading: string;
  /** What the list is about, under the heading. */
  intro: string;
  loading: string;
  failed: string;
  notFound: string;
  retry: string;
  empty: string;
  signIn: string;
  signInHint: string;
  status: Record<'open' | 'closed', string>;
  unread: string;
  lastMessage: (when: string) => string;
  noMessageYet: string;
  /** Advisors see every conversation: whose it is. */
  askedBy: (pseudonym: string) => string;
  messages: (count: number) => string;
  backToInbox: string;
  publicThread: string;
  messagesLabel: string;
  advisor: string;
  you: string;
  closedNotice: string;
  outcome: string;
  replyLabel: string;
  replyHint: string;
  send: string;
  sending: string;
  sent: string;
  sendFailed: string;
  tooShort: (min: number) => string;
  newMessageFrom: (pseudonym: string) => string;
  /** The live stream is down: new messages may come late. */
  reconnecting: string;
}

const count = (locale: Locale, n: number) => n.toLocaleString(locale);

const fr: InboxStrings = {
  heading: 'Messages privés',
  intro: 'Vos échanges privés avec les conseillers, ouverts depuis vos questions publiques.',
  loading: 'Chargement…',
  failed: 'Les messages n’ont pas pu être chargés.',
  notFound: 'Cette conversation n’existe pas, ou elle ne vous concerne pas.',
  retry: 'Réessayer',
  empty: 'Aucune conversation privée. Quand un conseiller prend votre demande en charge par message privé, elle apparaît ici.',
  signIn: 'Se connecter',
  signInHint: 'Connectez-vous pour lire vos messages privés.',
  status: { open: 'En cours', closed: 'Terminée' },
  unread: 'Nouveau',
  lastMessage: (when) => `Dernier message ${when}`,
  noMessageYet: 'Pas encore de message',
  askedBy: (pseudonym) => `Demande de ${pseudonym}`,
  messages: (n) => (n <= 1 ? `${n} message` : `${count('fr', n)} messages`),
  backToInbox: 'Retour aux messages privés',
  publicThread: 'Voir la discussion publique',
  messagesLabel: 'Messages',
  advisor: 'Conseiller',
  you: 'Vous',
  closedNotice: 'Cette conversation est terminée : elle se lit seulement. Pour une nouvelle demande, écrivez sur le forum.',
  outcome: 'Conclusion publiée sur la discussion :',
  replyLabel: 'Votre réponse',
  replyHint: 'Seuls vous et les conseillers lisent ces messages. Ctrl+Entrée envoie.',
  send: 'Envoyer',
  sending: 'Envoi…',
  sent: 'Message envoyé.',
  sendFailed: 'Le message n’est pas parti. Votre texte est gardé : réessayez.',
  tooShort: (min) => `Écrivez au moins ${min} caractères.`,
  newMessageFrom: (pseudonym) => `Nouveau message de ${pseudonym}`,
  reconnecting: 'Reconnexion… Les nouveaux messages peuvent arriver avec un peu de retard.',
};

const en: InboxStrings = {
  heading: 'Private messages',
  intro: 'Your private exchanges with advisors, opened from your public questions.',
  loading: 'Loading…',
  failed: 'Messages could not be loaded.',
  notFound: 'This conversation does not exist, or it is not yours.',
  retry: 'Try again',
  empty: 'No private conversations. When an advisor takes your request into private messages, it shows here.',
  signIn: 'Sign in',
  signInHint: 'Sign in to read your private messages.',
  status: { open: 'Open', closed: 'Closed' },
  unread: 'New',
  lastMessage: (when) => `Last message ${when}`,
  noMessageYet: 'No message yet',
  askedBy: (pseudonym) => `Asked by ${pseudonym}`,
  messages: (n) => (n === 1 ? '1 message' : `${count('en', n)} messages`),
  backToInbox: 'Back to private messages',
  publicThread: 'See the public thread',
  messagesLabel: 'Messages',
  advisor: 'Advisor',
  you: 'You',
  closedNotice: 'This conversation is closed: it is read-only. For a new request, post on the forum.',
  outcome: 'Outcome posted on the thread:',
  replyLabel: 'Your reply',
  replyHint: 'Only you and the advisors read these messages. Ctrl+Enter sends.',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Message sent.',
  sendFailed: 'The message was not sent. Your text is kept: try again.',
  tooShort: (min) => `Write at least ${min} characters.`,
  newMessageFrom: (pseudonym) => `New message from ${pseudonym}`,
  reconnecting: 'Reconnecting… New messages may arrive a little late.',
};

export const inboxStrings: Record<Locale, InboxStrings> = { fr, en };
