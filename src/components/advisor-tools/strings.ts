/**
 * The advisor tools' strings, fr and en. They live here, not in the shared translations:
 * only staff load this chunk, and the read path's bundle must stay small.
 */
import type { Locale, ThreadStatus } from '../../core/index.ts';

export type LifecycleAction = 'close' | 'reopen' | 'archive';

export interface AdvisorToolsStrings {
  heading: string;
  loading: string;
  retry: string;
  cancel: string;
  confirm: string;
  reasonLabel: string;
  reasonOptional: string;
  fieldRequired: string;
  submitHint: string;
  networkFailed: string;
  /* moderation */
  moderationHeading: string;
  currentStatus: (status: string) => string;
  threadStatus: Record<ThreadStatus, string>;
  lifecycle: Record<LifecycleAction, { button: string; title: string; message: string; done: string }>;
  undo: string;
  moveLabel: string;
  moveButton: string;
  moveTitle: string;
  moveMessage: (category: string) => string;
  moved: (category: string) => string;
  mergeLabel: string;
  mergeHint: string;
  mergeButton: string;
  mergeTitle: string;
  mergeMessage: (title: string) => string;
  merged: (title: string, posts: number) => string;
  pickerEmpty: string;
  pickerSearching: string;
  pickerResults: (count: number) => string;
  /* back office */
  handoffButton: string;
  handoffTitle: string;
  handoffMessage: string;
  handoffDone: (reference: string) => string;
  handoffsLabel: string;
  /* flags */
  flagsHeading: string;
  flagsEmpty: string;
  flagsCount: (weight: number) => string;
  flagBy: (pseudonym: string, reason: string, weight: number) => string;
  flagReasons: Record<string, string>;
  postBy: (pseudonym: string) => string;
  hiddenChip: string;
  hide: string;
  hideTitle: string;
  hideMessage: (what: string) => string;
  restore: string;
  restoreTitle: string;
  restoreMessage: (what: string) => string;
  hidden: string;
  restored: string;
  selectedPost: (postId: number) => string;
  /* private */
  privateHeading: string;
  privateEmpty: string;
  continuePrivate: string;
  openTitle: string;
  openMessage: string;
  firstMessageLabel: string;
  privateOpened: string;
  conversationLabel: (asker: string, status: string) => string;
  privateStatus: Record<'open' | 'closed', string>;
  showConversation: string;
  messagesLabel: string;
  noMessages: string;
  messageLabel: string;
  send: string;
  closeWithOutcome: string;
  closeTitle: string;
  closeMessage: string;
  outcomeLabel: string;
  outcome: (text: string) => string;
  privateClosed: string;
  /* audit */
  auditHeading: string;
  auditEmpty: string;
  auditMore: string;
  auditBy: (pseudonym: string) => string;
  formerMember: string;
  auditReason: (reason: string) => string;
  /* notes */
  notesHeading: string;
  notesEmpty: string;
  noteLabel: string;
  addNote: string;
  noteAdded: string;
}

const fr: AdvisorToolsStrings = {
  heading: 'Outils conseiller',
  loading: 'Chargement…',
  retry: 'Réessayer',
  cancel: 'Annuler',
  confirm: 'Confirmer',
  reasonLabel: 'Motif',
  reasonOptional: 'Motif (facultatif)',
  fieldRequired: 'Ce champ est obligatoire (2 caractères au moins).',
  submitHint: 'Ctrl+Entrée pour confirmer.',
  networkFailed: 'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
  moderationHeading: 'Modération',
  currentStatus: (status) => `Statut : ${status}`,
  threadStatus: { open: 'Ouvert', answered: 'Répondu', solved: 'Résolu', closed: 'Fermé', archived: 'Archivé' },
  lifecycle: {
    close: { button: 'Fermer', title: 'Fermer la discussion ?', message: 'Les membres ne pourront plus répondre.', done: 'Discussion fermée.' },
    reopen: { button: 'Rouvrir', title: 'Rouvrir la discussion ?', message: 'Les membres pourront de nouveau répondre.', done: 'Discussion rouverte.' },
    archive: { button: 'Archiver', title: 'Archiver la discussion ?', message: 'Elle passera en lecture seule pour tout le monde.', done: 'Discussion archivée.' },
  },
  undo: 'Annuler l’action',
  moveLabel: 'Déplacer vers la catégorie',
  moveButton: 'Déplacer',
  moveTitle: 'Déplacer la discussion ?',
  moveMessage: (category) => `La discussion ira dans « ${category} ».`,
  moved: (category) => `Discussion déplacée dans « ${category} ».`,
  mergeLabel: 'Fusionner dans la discussion',
  mergeHint: 'Tapez pour chercher ; flèches pour choisir, Entrée pour valider, Échap pour fermer.',
  mergeButton: 'Fusionner',
  mergeTitle: 'Fusionner la discussion ?',
  mergeMessage: (title) => `Ses messages iront dans « ${title} » et cette discussion sera fermée. C’est définitif.`,
  merged: (title, posts) => `Fusionnée dans « ${title} » (${new Intl.PluralRules('fr').select(posts) === 'one' ? `${posts} message déplacé` : `${posts} messages déplacés`}).`,
  pickerEmpty: 'Aucune discussion trouvée.',
  pickerSearching: 'Recherche…',
  pickerResults: (count) => (new Intl.PluralRules('fr').select(count) === 'one' ? `${count} discussion trouvée` : `${count} discussions trouvées`),
  handoffButton: 'Transmettre au back-office',
  handoffTitle: 'Transmettre au back-office ?',
  handoffMessage: 'Un dossier sera ouvert dans les outils de la marque et une trace publique sera laissée sur la discussion.',
  handoffDone: (reference) => `Dossier ouvert : ${reference}`,
  handoffsLabel: 'Dossiers back-office',
  flagsHeading: 'Signalements',
  flagsEmpty: 'Aucun message signalé dans cette discussion.',
  flagsCount: (weight) => `Poids total : ${new Intl.NumberFormat('fr').format(weight)}`,
  flagBy: (pseudonym, reason, weight) => `${pseudonym} — ${reason} (poids ${weight})`,
  flagReasons: { spam: 'Spam', abuse: 'Propos abusifs', 'off-topic': 'Hors sujet', 'personal-data': 'Données personnelles', other: 'Autre' },
  postBy: (pseudonym) => `Message de ${pseudonym}`,
  hiddenChip: 'Masqué',
  hide: 'Masquer',
  hideTitle: 'Masquer ce message ?',
  hideMessage: (what) => `${what} : il ne sera plus visible des membres.`,
  restore: 'Rétablir',
  restoreTitle: 'Rétablir ce message ?',
  restoreMessage: (what) => `${what} : il sera de nouveau visible et ses signalements classés.`,
  hidden: 'Message masqué.',
  restored: 'Message rétabli.',
  selectedPost: (postId) => `Message n° ${postId}`,
  privateHeading: 'Conversations privées',
  privateEmpty: 'Aucune conversation privée pour cette discussion.',
  continuePrivate: 'Continuer en privé',
  openTitle: 'Continuer en privé ?',
  openMessage: 'Une trace publique indiquera qu’un conseiller prend la demande en charge par message privé.',
  firstMessageLabel: 'Premier message (facultatif)',
  privateOpened: 'Conversation privée ouverte.',
  conversationLabel: (asker, status) => `Avec ${asker} — ${status}`,
  privateStatus: { open: 'en cours', closed: 'close' },
  showConversation: 'Afficher',
  messagesLabel: 'Messages de la conversation',
  noMessages: 'Pas encore de message.',
  messageLabel: 'Votre message',
  send: 'Envoyer',
  closeWithOutcome: 'Clore avec une conclusion',
  closeTitle: 'Clore la conversation ?',
  closeMessage: 'La conclusion sera publiée sur la discussion publique.',
  outcomeLabel: 'Conclusion publique',
  outcome: (text) => `Conclusion : ${text}`,
  privateClosed: 'Conversation close ; la conclusion est publiée.',
  auditHeading: 'Journal de modération',
  auditEmpty: 'Aucune action enregistrée sur cette discussion.',
  auditMore: 'Entrées plus anciennes',
  auditBy: (pseudonym) => pseudonym,
  formerMember: 'Membre supprimé',
  auditReason: (reason) => `Motif : ${reason}`,
  notesHeading: 'Notes internes',
  notesEmpty: 'Aucune note interne.',
  noteLabel: 'Nouvelle note (markdown, visible du seul personnel)',
  addNote: 'Ajouter la note',
  noteAdded: 'Note ajoutée.',
};

const en: AdvisorToolsStrings = {
  heading: 'Advisor tools',
  loading: 'Loading…',
  retry: 'Retry',
  cancel: 'Cancel',
  confirm: 'Confirm',
  reasonLabel: 'Reason',
  reasonOptional: 'Reason (optional)',
  fieldRequired: 'This field is required (at least 2 characters).',
  submitHint: 'Ctrl+Enter to confirm.',
  networkFailed: 'The server cannot be reached. Check the connection and try again.',
  moderationHeading: 'Moderation',
  currentStatus: (status) => `Status: ${status}`,
  threadStatus: { open: 'Open', answered: 'Answered', solved: 'Solved', closed: 'Closed', archived: 'Archived' },
  lifecycle: {
    close: { button: 'Close', title: 'Close the thread?', message: 'Members will no longer be able to reply.', done: 'Thread closed.' },
    reopen: { button: 'Reopen', title: 'Reopen the thread?', message: 'Members will be able to reply again.', done: 'Thread reopened.' },
    archive: { button: 'Archive', title: 'Archive the thread?', message: 'It becomes read-only for everyone.', done: 'Thread archived.' },
  },
  undo: 'Undo',
  moveLabel: 'Move to category',
  moveButton: 'Move',
  moveTitle: 'Move the thread?',
  moveMessage: (category) => `The thread will go to “${category}”.`,
  moved: (category) => `Thread moved to “${category}”.`,
  mergeLabel: 'Merge into thread',
  mergeHint: 'Type to search; arrows to choose, Enter to pick, Escape to close.',
  mergeButton: 'Merge',
  mergeTitle: 'Merge the thread?',
  mergeMessage: (title) => `Its posts will move to “${title}” and this thread will be closed. This cannot be undone.`,
  merged: (title, posts) => `Merged into “${title}” (${posts} ${new Intl.PluralRules('en').select(posts) === 'one' ? 'post' : 'posts'} moved).`,
  pickerEmpty: 'No thread found.',
  pickerSearching: 'Searching…',
  pickerResults: (count) => `${count} ${new Intl.PluralRules('en').select(count) === 'one' ? 'thread' : 'threads'} found`,
  handoffButton: 'Hand off to back office',
  handoffTitle: 'Hand off to the back office?',
  handoffMessage: 'A case will be opened in the brand’s tools and a public trace left on the thread.',
  handoffDone: (reference) => `Case opened: ${reference}`,
  handoffsLabel: 'Back-office cases',
  flagsHeading: 'Flags',
  flagsEmpty: 'No flagged post in this thread.',
  flagsCount: (weight) => `Total weight: ${new Intl.NumberFormat('en').format(weight)}`,
  flagBy: (pseudonym, reason, weight) => `${pseudonym} — ${reason} (weight ${weight})`,
  flagReasons: { spam: 'Spam', abuse: 'Abuse', 'off-topic': 'Off topic', 'personal-data': 'Personal data', other: 'Other' },
  postBy: (pseudonym) => `Post by ${pseudonym}`,
  hiddenChip: 'Hidden',
  hide: 'Hide',
  hideTitle: 'Hide this post?',
  hideMessage: (what) => `${what}: it will no longer be visible to members.`,
  restore: 'Restore',
  restoreTitle: 'Restore this post?',
  restoreMessage: (what) => `${what}: it will be visible again and its flags dismissed.`,
  hidden: 'Post hidden.',
  restored: 'Post restored.',
  selectedPost: (postId) => `Post #${postId}`,
  privateHeading: 'Private conversations',
  privateEmpty: 'No private conversation for this thread.',
  continuePrivate: 'Continue in private',
  openTitle: 'Continue in private?',
  openMessage: 'A public trace will say an advisor is taking over by private message.',
  firstMessageLabel: 'First message (optional)',
  privateOpened: 'Private conversation opened.',
  conversationLabel: (asker, status) => `With ${asker} — ${status}`,
  privateStatus: { open: 'open', closed: 'closed' },
  showConversation: 'Show',
  messagesLabel: 'Conversation messages',
  noMessages: 'No message yet.',
  messageLabel: 'Your message',
  send: 'Send',
  closeWithOutcome: 'Close with outcome',
  closeTitle: 'Close the conversation?',
  closeMessage: 'The outcome will be posted on the public thread.',
  outcomeLabel: 'Public outcome',
  outcome: (text) => `Outcome: ${text}`,
  privateClosed: 'Conversation closed; the outcome is posted.',
  auditHeading: 'Moderation log',
  auditEmpty: 'No action recorded on this thread.',
  auditMore: 'Older entries',
  auditBy: (pseudonym) => pseudonym,
  formerMember: 'Deleted member',
  auditReason: (reason) => `Reason: ${reason}`,
  notesHeading: 'Staff notes',
  notesEmpty: 'No staff note yet.',
  noteLabel: 'New note (markdown, staff only)',
  addNote: 'Add note',
  noteAdded: 'Note added.',
};

export const ADVISOR_TOOLS_STRINGS: Record<Locale, AdvisorToolsStrings> = { fr, en };
