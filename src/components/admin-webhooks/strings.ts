/**
 * The webhooks view's strings, travelling with the admin view's chunk rather than the read
 * path's translation tables.
 */
import type { Locale, WebhookDeliveryStatus, WebhookEvent, WebhookUrlIssue } from '../../core/index.ts';

export interface AdminWebhooksStrings {
  heading: string;
  intro: string;
  adminsOnly: string;
  loading: string;
  loadFailed: string;
  retry: string;
  empty: string;
  serverWebhook: (url: string) => string;
  add: string;
  addHeading: string;
  url: string;
  urlHelp: string;
  description: string;
  descriptionHelp: string;
  events: string;
  allEvents: string;
  someEvents: string;
  eventNames: Record<WebhookEvent, string>;
  enabledOnCreate: string;
  create: string;
  creating: string;
  cancel: string;
  /** What is wrong with the URL; `private-host` comes from the server, which alone knows its policy. */
  urlIssues: Record<WebhookUrlIssue, string>;
  descriptionInvalid: string;
  pickEvents: string;
  saveFailed: string;
  enabled: string;
  disabled: string;
  enable: string;
  disable: string;
  secretHint: (hint: string) => string;
  rotatedAt: (when: string) => string;
  previousValidUntil: (when: string) => string;
  pendingCount: (count: number) => string;
  failedCount: (count: number) => string;
  rotate: string;
  rotateHeading: (url: string) => string;
  keepPrevious: string;
  confirmRotate: string;
  remove: string;
  removeHeading: (url: string) => string;
  confirmRemove: string;
  secretHeading: string;
  secretWarning: string;
  secretLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  secretDone: string;
  showLog: string;
  hideLog: string;
  logHeading: string;
  statusFilter: string;
  anyStatus: string;
  statusNames: Record<WebhookDeliveryStatus, string>;
  logEmpty: string;
  attempts: (count: number) => string;
  queuedAt: (when: string) => string;
  nextTry: (when: string) => string;
  deliveredAt: (when: string) => string;
  failedAt: (when: string) => string;
  lastError: string;
  retryDelivery: string;
  more: string;
  /** Announced after each action. */
  notices: {
    created: string;
    enabled: string;
    disabled: string;
    rotated: string;
    removed: string;
    retried: string;
  };
  actionFailed: string;
}

const plural = (locale: Locale, count: number, one: string, other: string) => (new Intl.PluralRules(locale).select(count) === 'one' ? one : other);

const fr: AdminWebhooksStrings = {
  heading: 'Webhooks',
  intro: 'Les événements du forum (incidents déclarés, mis à jour, résolus) sont envoyés en POST à ces adresses, signés avec le secret de chacune (en-tête X-Entraide-Signature).',
  adminsOnly: 'Cette vue est réservée aux administrateurs de la communauté.',
  loading: 'Chargement…',
  loadFailed: 'Le chargement des webhooks a échoué.',
  retry: 'Réessayer',
  empty: 'Aucun webhook pour l’instant.',
  serverWebhook: (url) => `Le serveur envoie aussi chaque événement à ${url} (configuration du serveur, non modifiable ici).`,
  add: 'Ajouter un webhook',
  addHeading: 'Nouveau webhook',
  url: 'Adresse (URL)',
  urlHelp: 'http:// ou https://, sans identifiant ni mot de passe.',
  description: 'Description (facultative)',
  descriptionHelp: 'Pour vous y retrouver : 200 caractères au plus.',
  events: 'Événements',
  allEvents: 'Tous, y compris ceux ajoutés plus tard',
  someEvents: 'Seulement ceux-ci :',
  eventNames: { 'incident.created': 'Incident déclaré', 'incident.updated': 'Incident mis à jour', 'incident.resolved': 'Incident résolu', 'notification.created': 'Notification à un membre' },
  enabledOnCreate: 'Actif dès maintenant',
  create: 'Créer le webhook',
  creating: 'Création…',
  cancel: 'Annuler',
  urlIssues: {
    required: 'Saisissez l’adresse du webhook.',
    'too-long': 'L’adresse fait plus de 2 000 caractères.',
    spaces: 'L’adresse ne doit pas contenir d’espace.',
    scheme: 'L’adresse doit commencer par http:// ou https://.',
    invalid: 'Cette adresse n’est pas valide.',
    credentials: 'Retirez l’identifiant et le mot de passe de l’adresse : chaque envoi est signé.',
    'private-host': 'Ce serveur n’envoie pas vers un réseau privé ou local : donnez une adresse publique.',
  },
  descriptionInvalid: 'La description tient sur une ligne de 200 caractères au plus.',
  pickEvents: 'Choisissez au moins un événement.',
  saveFailed: 'L’enregistrement a échoué. Réessayez.',
  enabled: 'Actif',
  disabled: 'Désactivé',
  enable: 'Activer',
  disable: 'Désactiver',
  secretHint: (hint) => `Secret …${hint}`,
  rotatedAt: (when) => `renouvelé le ${when}`,
  previousValidUntil: (when) => `l’ancien secret signe aussi jusqu’au ${when}`,
  pendingCount: (count) => `${count} en attente`,
  failedCount: (count) => `${count} en échec`,
  rotate: 'Renouveler le secret',
  rotateHeading: (url) => `Renouveler le secret de ${url} ?`,
  keepPrevious: 'L’ancien secret reste valable 24 h (décochez s’il a fuité)',
  confirmRotate: 'Renouveler',
  remove: 'Supprimer',
  removeHeading: (url) => `Supprimer le webhook ${url} et son journal d’envois ?`,
  confirmRemove: 'Supprimer définitivement',
  secretHeading: 'Secret de signature',
  secretWarning: 'Copiez ce secret maintenant : il ne sera plus jamais affiché.',
  secretLabel: 'Secret',
  copy: 'Copier',
  copied: 'Secret copié.',
  copyFailed: 'La copie a échoué : sélectionnez le secret et copiez-le.',
  secretDone: 'J’ai copié le secret',
  showLog: 'Journal d’envois',
  hideLog: 'Masquer le journal',
  logHeading: 'Journal d’envois',
  statusFilter: 'État',
  anyStatus: 'Tous',
  statusNames: { pending: 'En attente', delivered: 'Reçu', failed: 'Échec' },
  logEmpty: 'Aucun envoi.',
  attempts: (count) => `${count} ${plural('fr', count, 'tentative', 'tentatives')}`,
  queuedAt: (when) => `créé le ${when}`,
  nextTry: (when) => `prochain essai ${when}`,
  deliveredAt: (when) => `reçu le ${when}`,
  failedAt: (when) => `abandonné le ${when}`,
  lastError: 'Dernière erreur :',
  retryDelivery: 'Renvoyer',
  more: 'Envois plus anciens',
  notices: {
    created: 'Webhook créé.',
    enabled: 'Webhook activé.',
    disabled: 'Webhook désactivé : il ne reçoit plus rien.',
    rotated: 'Secret renouvelé.',
    removed: 'Webhook supprimé.',
    retried: 'Envoi remis en file : il part maintenant.',
  },
  actionFailed: 'L’action a échoué. Réessayez.',
};

const en: AdminWebhooksStrings = {
  heading: 'Webhooks',
  intro: 'The forum’s events (incidents declared, updated, resolved) are POSTed to these addresses, each signed with its own secret (X-Entraide-Signature header).',
  adminsOnly: 'This view is for the community’s administrators.',
  loading: 'Loading…',
  loadFailed: 'The webhooks could not be loaded.',
  retry: 'Try again',
  empty: 'No webhook yet.',
  serverWebhook: (url) => `The server also sends every event to ${url} (the server’s configuration, not editable here).`,
  add: 'Add a webhook',
  addHeading: 'New webhook',
  url: 'Address (URL)',
  urlHelp: 'http:// or https://, with no user name or password.',
  description: 'Description (optional)',
  descriptionHelp: 'To tell them apart: at most 200 characters.',
  events: 'Events',
  allEvents: 'All, including those added later',
  someEvents: 'Only these:',
  eventNames: { 'incident.created': 'Incident declared', 'incident.updated': 'Incident updated', 'incident.resolved': 'Incident resolved', 'notification.created': 'Notification to a member' },
  enabledOnCreate: 'Active right away',
  create: 'Create the webhook',
  creating: 'Creating…',
  cancel: 'Cancel',
  urlIssues: {
    required: 'Enter the webhook’s address.',
    'too-long': 'The address is longer than 2,000 characters.',
    spaces: 'The address must not contain spaces.',
    scheme: 'The address must start with http:// or https://.',
    invalid: 'This address is not valid.',
    credentials: 'Take the user name and password out of the address: every delivery is signed.',
    'private-host': 'This server does not send to a private or local network: give a public address.',
  },
  descriptionInvalid: 'The description is one line of at most 200 characters.',
  pickEvents: 'Choose at least one event.',
  saveFailed: 'Saving failed. Try again.',
  enabled: 'Active',
  disabled: 'Disabled',
  enable: 'Enable',
  disable: 'Disable',
  secretHint: (hint) => `Secret …${hint}`,
  rotatedAt: (when) => `rotated on ${when}`,
  previousValidUntil: (when) => `the previous secret also signs until ${when}`,
  pendingCount: (count) => `${count} pending`,
  failedCount: (count) => `${count} failed`,
  rotate: 'Rotate the secret',
  rotateHeading: (url) => `Rotate the secret of ${url}?`,
  keepPrevious: 'Keep the previous secret valid for 24 h (untick if it leaked)',
  confirmRotate: 'Rotate',
  remove: 'Delete',
  removeHeading: (url) => `Delete the webhook ${url} and its delivery log?`,
  confirmRemove: 'Delete for good',
  secretHeading: 'Signing secret',
  secretWarning: 'Copy this secret now: it will never be shown again.',
  secretLabel: 'Secret',
  copy: 'Copy',
  copied: 'Secret copied.',
  copyFailed: 'Copying failed: select the secret and copy it.',
  secretDone: 'I have copied the secret',
  showLog: 'Delivery log',
  hideLog: 'Hide the log',
  logHeading: 'Delivery log',
  statusFilter: 'Status',
  anyStatus: 'All',
  statusNames: { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' },
  logEmpty: 'No delivery.',
  attempts: (count) => `${count} ${plural('en', count, 'attempt', 'attempts')}`,
  queuedAt: (when) => `queued on ${when}`,
  nextTry: (when) => `next try ${when}`,
  deliveredAt: (when) => `delivered on ${when}`,
  failedAt: (when) => `given up on ${when}`,
  lastError: 'Last error:',
  retryDelivery: 'Retry',
  more: 'Older deliveries',
  notices: {
    created: 'Webhook created.',
    enabled: 'Webhook enabled.',
    disabled: 'Webhook disabled: it receives nothing now.',
    rotated: 'Secret rotated.',
    removed: 'Webhook deleted.',
    retried: 'Delivery queued again: it goes out now.',
  },
  actionFailed: 'The action failed. Try again.',
};

export const adminWebhooksStrings: Record<Locale, AdminWebhooksStrings> = { fr, en };
