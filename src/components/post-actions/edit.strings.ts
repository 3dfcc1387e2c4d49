/** Strings of editing one's own post and of the staff's edit history (the interactions chunk). */
import type { Locale } from '../../core/index.ts';

export interface EditStrings {
  edit: string;
  editLabel: string;
  editHint: string;
  save: string;
  saving: string;
  saved: string;
  cancel: string;
  saveFailed: string;
  tooShort: (min: number) => string;
  tooLong: (count: number, max: number) => string;
  charCount: (count: number, max: number) => string;
  history: string;
  historyHeading: string;
  historyLoading: string;
  historyFailed: string;
  historyEmpty: string;
  retry: string;
  close: string;
  /** One earlier text: written when, replaced when and by whom. */
  revision: (written: string, replaced: string, editor: string) => string;
  reason: string;
  /** On a private hand-off's trace, for its asker and advisors. */
  openConversation: string;
  /** Everyone sees that a post was edited, and when (`when`: relative, e.g. "il y a 5 minutes"). */
  edited: (when: string) => string;
  editedOn: (when: string) => string;
}

const n = (locale: Locale, value: number) => value.toLocaleString(locale);
const NBSP = '\u00a0';

const fr: EditStrings = {
  edit: 'Modifier',
  editLabel: 'Modifier votre message',
  editHint: `Tout le monde verra la mention «${NBSP}modifié${NBSP}». Ctrl+Entrée enregistre, Échap annule.`,
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Message modifié.',
  cancel: 'Annuler',
  saveFailed: `La modification n’est pas enregistrée. Votre texte est gardé${NBSP}: réessayez.`,
  tooShort: (min) => `Écrivez au moins ${min} caractères.`,
  tooLong: (count, max) => `Trop long${NBSP}: ${n('fr', count)} caractères pour ${n('fr', max)} au plus. Raccourcissez le texte.`,
  charCount: (count, max) => `${n('fr', count)} / ${n('fr', max)} caractères`,
  history: 'Historique',
  historyHeading: 'Versions précédentes',
  historyLoading: 'Chargement de l’historique…',
  historyFailed: 'L’historique n’a pas pu être chargé.',
  historyEmpty: 'Aucune version précédente.',
  retry: 'Réessayer',
  close: 'Fermer',
  revision: (written, replaced, editor) => `Écrit le ${written}, remplacé le ${replaced} par ${editor}`,
  reason: `Raison${NBSP}:`,
  openConversation: 'Lire et répondre en message privé',
  edited: (when) => `Modifié ${when}`,
  editedOn: (when) => `Modifié le ${when}`,
};

const en: EditStrings = {
  edit: 'Edit',
  editLabel: 'Edit your post',
  editHint: 'Everyone will see it marked “edited”. Ctrl+Enter saves, Escape cancels.',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Post edited.',
  cancel: 'Cancel',
  saveFailed: 'The edit was not saved. Your text is kept: try again.',
  tooShort: (min) => `Write at least ${min} characters.`,
  tooLong: (count, max) => `Too long: ${n('en', count)} characters for ${n('en', max)} at most. Shorten the text.`,
  charCount: (count, max) => `${n('en', count)} / ${n('en', max)} characters`,
  history: 'History',
  historyHeading: 'Earlier versions',
  historyLoading: 'Loading the history…',
  historyFailed: 'The history could not be loaded.',
  historyEmpty: 'No earlier version.',
  retry: 'Try again',
  close: 'Close',
  revision: (written, replaced, editor) => `Written ${written}, replaced ${replaced} by ${editor}`,
  reason: 'Reason:',
  openConversation: 'Read and answer in private messages',
  edited: (when) => `Edited ${when}`,
  editedOn: (when) => `Edited on ${when}`,
};

export const editStrings: Record<Locale, EditStrings> = { fr, en };
