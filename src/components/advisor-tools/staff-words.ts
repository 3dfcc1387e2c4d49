/**
 * Errors and audit entries as sentences in the staff's language (issue 15, item 13). The
 * server's own message is written for developers ("set ENTRAIDE_HANDOFF_WEBHOOK_URL…") and
 * audit snapshots hold field names (`status: closed → answered`): each error code, audit action
 * and known field gets a translated sentence, and the server's words show only as a detail.
 */
import type { ErrorCode, Locale, ThreadStatus } from '../../core/index.ts';

interface StaffWords {
  errors: Record<ErrorCode, string>;
  /** Refusals the server tells apart by `details.reason`. */
  reasons: Record<string, string>;
  /** The server's own message, under the sentence, for staff who report the problem. */
  serverDetail: (message: string) => string;
  actions: Record<string, string>;
  /** An action with no sentence of its own (a newer server). */
  otherAction: string;
  threadStatus: Record<ThreadStatus, string>;
  changes: {
    status: (from: string, to: string) => string;
    category: (from: string, to: string) => string;
    mergedInto: (threadId: string) => string;
    movedPosts: (count: number) => string;
    reference: (reference: string) => string;
    hidden: (hidden: boolean) => string;
    outcome: (outcome: string) => string;
    /** A post's text changed (the earlier text is in the post's history, not repeated here). */
    body: string;
    other: (field: string) => string;
  };
}

const fr: StaffWords = {
  errors: {
    validation_failed: 'Certaines informations ne sont pas valables : vérifiez le formulaire.',
    invalid_json: 'La demande envoyée était illisible : rechargez la page et réessayez.',
    payload_too_large: 'Le texte est trop long pour être envoyé.',
    unsupported_media_type: 'Ce format n’est pas accepté.',
    unauthorized: 'Votre session a expiré : reconnectez-vous.',
    forbidden: 'Votre rôle ne permet pas cette action.',
    not_found: 'Cet élément n’existe plus : il a peut-être été supprimé ou fusionné.',
    conflict: 'Cette action n’est pas possible dans l’état actuel de la discussion : rechargez-la pour voir les derniers changements.',
    rate_limited: 'Trop d’actions en peu de temps : patientez un instant avant de réessayer.',
    unavailable: 'Le service est momentanément indisponible : réessayez dans un instant.',
    upstream_failed: 'Le back-office de la marque n’a pas répondu : réessayez plus tard.',
    internal: 'Une erreur est survenue sur le serveur : réessayez dans un instant.',
  },
  reasons: {
    'no-back-office': 'Aucun back-office n’est relié à ce forum : demandez à l’administrateur technique de le configurer.',
  },
  serverDetail: (message) => `Détail technique : ${message}`,
  actions: {
    'thread.close': 'a fermé la discussion', 'thread.reopen': 'a rouvert la discussion', 'thread.archive': 'a archivé la discussion',
    'thread.move': 'a déplacé la discussion', 'thread.merge': 'a fusionné la discussion', 'thread.handoff': 'a transmis au back-office',
    'thread.urgent': 'a marqué la discussion urgente',
    'post.edit': 'a modifié le message d’un membre', 'post.delete': 'a supprimé un message', 'post.hide': 'a masqué un message',
    'post.restore': 'a rendu un message de nouveau visible',
  },
  otherAction: 'a fait une action de modération',
  threadStatus: { open: 'ouverte', answered: 'répondue', solved: 'résolue', closed: 'fermée', archived: 'archivée' },
  changes: {
    status: (from, to) => `Statut passé de « ${from} » à « ${to} ».`,
    category: (from, to) => `Déplacée de « ${from} » vers « ${to} ».`,
    mergedInto: (threadId) => `Fusionnée dans la discussion n° ${threadId}.`,
    movedPosts: (count) => (count > 1 ? `${count} messages déplacés.` : `${count} message déplacé.`),
    reference: (reference) => `Référence du dossier au back-office : ${reference}.`,
    hidden: (hidden) => (hidden ? 'Message masqué.' : 'Message de nouveau visible.'),
    outcome: (outcome) => `Conclusion : ${outcome}`,
    body: 'Texte du message modifié (la version précédente est dans son historique).',
    other: (field) => `Champ « ${field} » modifié.`,
  },
};

const en: StaffWords = {
  errors: {
    validation_failed: 'Some information is not valid: check the form.',
    invalid_json: 'The request sent could not be read: reload the page and try again.',
    payload_too_large: 'The text is too long to send.',
    unsupported_media_type: 'This format is not accepted.',
    unauthorized: 'Your session has ended: sign in again.',
    forbidden: 'Your role does not allow this action.',
    not_found: 'This item no longer exists: it may have been deleted or merged.',
    conflict: 'This action is not possible in the thread’s current state: reload it to see the latest changes.',
    rate_limited: 'Too many actions in a short time: wait a moment before trying again.',
    unavailable: 'The service is unavailable for a moment: try again shortly.',
    upstream_failed: 'The brand’s back office did not answer: try again later.',
    internal: 'Something went wrong on the server: try again shortly.',
  },
  reasons: {
    'no-back-office': 'No back office is connected to this forum: ask the technical administrator to set it up.',
  },
  serverDetail: (message) => `Technical detail: ${message}`,
  actions: {
    'thread.close': 'closed the thread', 'thread.reopen': 'reopened the thread', 'thread.archive': 'archived the thread',
    'thread.move': 'moved the thread', 'thread.merge': 'merged the thread', 'thread.handoff': 'handed off to the back office',
    'thread.urgent': 'marked the thread urgent',
    'post.edit': 'edited a member’s post', 'post.delete': 'deleted a post', 'post.hide': 'hid a post',
    'post.restore': 'made a post visible again',
  },
  otherAction: 'took a moderation action',
  threadStatus: { open: 'open', answered: 'answered', solved: 'solved', closed: 'closed', archived: 'archived' },
  changes: {
    status: (from, to) => `Status changed from “${from}” to “${to}”.`,
    category: (from, to) => `Moved from “${from}” to “${to}”.`,
    mergedInto: (threadId) => `Merged into thread #${threadId}.`,
    movedPosts: (count) => `${count} ${count === 1 ? 'post' : 'posts'} moved.`,
    reference: (reference) => `Back-office case reference: ${reference}.`,
    hidden: (hidden) => (hidden ? 'Post hidden.' : 'Post visible again.'),
    outcome: (outcome) => `Outcome: ${outcome}`,
    body: 'The post’s text changed (the earlier version is in its history).',
    other: (field) => `Field “${field}” changed.`,
  },
};

export const STAFF_WORDS: Record<Locale, StaffWords> = { fr, en };

/** The sentence for a refusal: by `details.reason` when the server gave one, else by code (the SDK's own codes read as a server error). */
export function errorSentence(locale: Locale, code: string, details: unknown): string {
  const words = STAFF_WORDS[locale];
  const reason = details !== null && typeof details === 'object' && 'reason' in details ? details.reason : undefined;
  return (typeof reason === 'string' ? words.reasons[reason] : undefined) ?? (code in words.errors ? words.errors[code as ErrorCode] : words.errors.internal);
}

/** What an audit entry's actor did, as a sentence fragment after their name. */
export function auditActionText(locale: Locale, action: string): string {
  const words = STAFF_WORDS[locale];
  return words.actions[action] ?? words.otherAction;
}

const text = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const statusText = (words: StaffWords, value: unknown) => (typeof value === 'string' && value in words.threadStatus ? words.threadStatus[value as ThreadStatus] : text(value));

/**
 * One sentence per field that changed between an audit entry's two snapshots (plain text: it
 * may hold members' words); `categories` names the categories, else their ids show.
 */
export function changeSentences(locale: Locale, before: unknown, after: unknown, categories?: ReadonlyMap<number, string>): string[] {
  const category = (value: unknown) => (typeof value === 'number' && categories?.get(value)) || text(value);
  const words = STAFF_WORDS[locale];
  const from = asRecord(before);
  const to = asRecord(after);
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]));
  return keys.map((key) => {
    switch (key) {
      case 'status': return words.changes.status(statusText(words, from[key]), statusText(words, to[key]));
      case 'categoryId': return words.changes.category(category(from[key]), category(to[key]));
      case 'movedPosts': return words.changes.movedPosts(typeof to[key] === 'number' ? to[key] : 0);
      case 'mergedIntoId': return words.changes.mergedInto(text(to[key]));
      case 'reference': return words.changes.reference(text(to[key]));
      case 'hidden': return words.changes.hidden(to[key] === true);
      case 'outcome': return words.changes.outcome(text(to[key]));
      case 'body': return words.changes.body;
      default: return words.changes.other(key);
    }
  });
}
