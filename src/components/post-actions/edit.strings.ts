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
  /** Staff editing someone else's post. */
  editOthersLabel: string;
  reasonLabel: string;
  reasonHint: string;
  reasonMissing: string;
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
  editOthersLabel: 'Modifier le message de ce membre',
  reasonLabel: 'Raison de la modification',
  reasonHint: `Par exemple${NBSP}: «${NBSP}numéro de téléphone retiré${NBSP}». Gardée dans l’historique et le journal de modération${NBSP}; l’auteur est prévenu que son message a été modifié.`,
  reasonMissing: 'Dites pourquoi vous modifiez le message d’un membre.',
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
  editOthersLabel: 'Edit this member’s post',
  reasonLabel: 'Reason for the edit',
  reasonHint: 'For example: “phone number removed”. Kept in the history and the audit log; the author is told their post was edited.',
  reasonMissing: 'Say why you edit a member’s post.',
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
