/**
 * The administration's strings (shell, community settings, categories), travelling with its
 * lazy chunk rather than the read path's translation tables.
 */
import type { AccountAccess, Locale } from '../../core/index.ts';

export type AdminView = 'community' | 'categories' | 'ranks' | 'team' | 'trusted' | 'webhooks';

export interface AdminStrings {
  heading: string;
  tabsLabel: string;
  views: Record<AdminView, string>;
  adminsOnly: string;
  loading: string;
  loadFailed: string;
  retry: string;
  save: string;
  saving: string;
  saved: string;
  saveFailed: (reason: string) => string;
  cancel: string;
  localeNames: Record<Locale, string>;
  // Community
  communityHeading: string;
  name: string;
  defaultLocale: string;
  locales: string;
  signature: string;
  signatureHelp: string;
  /** The signature under advisor posts in threads of `language` (a language name). */
  signatureIn: (language: string) => string;
  signatureInHelp: string;
  timeZone: string;
  timeZoneHelp: string;
  jargon: string;
  jargonHelp: string;
  jargonDefault: string;
  useDefaultJargon: string;
  collectiveHeading: string;
  synonymsHeading: string;
  synonyms: string;
  synonymsHelp: (groups: number, words: number) => string;
  collectiveHelp: string;
  threshold: string;
  windowMinutes: string;
  useDefaultThresholds: string;
  notificationsHeading: string;
  notificationChannel: string;
  channelNames: Record<'email' | 'webhook', string>;
  channelHelp: string;
  // Categories
  categoriesHeading: string;
  categoriesHelp: string;
  noCategories: string;
  newCategory: string;
  nameIn: (locale: string) => string;
  descriptionIn: (locale: string) => string;
  slug: string;
  slugHelp: string;
  holdback: string;
  holdbackHelp: string;
  accountAccess: string;
  accountAccessNames: Record<AccountAccess, string>;
  create: string;
  created: (name: string) => string;
  edit: (name: string) => string;
  editShort: string;
  archiveShort: string;
  restoreShort: string;
  moveUp: (name: string) => string;
  moveDown: (name: string) => string;
  archive: (name: string) => string;
  restore: (name: string) => string;
  archived: string;
  threads: (count: number) => string;
  holdbackShort: (minutes: number) => string;
  reordered: string;
}

const plural = (locale: Locale, count: number, one: string, other: string) => (new Intl.PluralRules(locale).select(count) === 'one' ? one : other);

const fr: AdminStrings = {
  heading: 'Administration',
  tabsLabel: 'Réglages de la communauté',
  views: { community: 'Communauté', categories: 'Rubriques', ranks: 'Statuts', team: 'Équipe', trusted: 'Membres de confiance', webhooks: 'Webhooks' },
  adminsOnly: 'Cette vue est réservée aux administrateurs de la communauté.',
  loading: 'Chargement…',
  loadFailed: 'Impossible de charger les réglages.',
  retry: 'Réessayer',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Enregistré.',
  saveFailed: (reason) => `Non enregistré : ${reason}`,
  cancel: 'Annuler',
  localeNames: { fr: 'Français', en: 'Anglais' },
  communityHeading: 'La communauté',
  name: 'Nom de la communauté',
  defaultLocale: 'Langue par défaut',
  locales: 'Langues proposées',
  signature: 'Signature des conseillers',
  signatureHelp: 'En markdown, ajoutée sous chaque message de conseiller.',
  signatureIn: (language) => `Signature des conseillers en ${language.toLocaleLowerCase('fr')}`,
  signatureInHelp: 'Sous les messages des conseillers dans les discussions de cette langue. Vide : la signature principale.',
  timeZone: 'Fuseau horaire',
  timeZoneHelp: 'Nom IANA, par exemple Europe/Paris. Le planning de la semaine, le résumé quotidien (envoyé après minuit) et les dates des e-mails le suivent.',
  jargon: 'Jargon à éviter',
  jargonHelp: 'Un terme par ligne : l’assistant de rédaction conseille de l’expliquer.',
  jargonDefault: 'Liste par défaut (télécoms).',
  useDefaultJargon: 'Revenir à la liste par défaut',
  collectiveHeading: 'Détection des problèmes collectifs',
  synonymsHeading: 'Synonymes de la recherche',
  synonyms: 'Groupes de synonymes',
  synonymsHelp: (groups, words) => `Un groupe par ligne, mots séparés par des virgules (par exemple « roaming, itinérance ») : chercher l’un trouve les autres. Un mot par entrée, ${groups} groupes et ${words} mots par groupe au plus.`,
  collectiveHelp: 'Une alerte naît quand assez de nouvelles questions ou de « moi aussi » tombent dans la même rubrique et région pendant la fenêtre.',
  threshold: 'Signaux pour une alerte',
  windowMinutes: 'Fenêtre (minutes)',
  useDefaultThresholds: 'Revenir aux seuils par défaut',
  notificationsHeading: 'Notifications hors du forum',
  notificationChannel: 'Envoi des notifications non lues',
  channelNames: { email: 'E-mail envoyé par le forum', webhook: 'Webhook « notification.created » (votre propre envoi d’e-mails)' },
  channelHelp: 'Avec le webhook, le forum n’envoie aucun e-mail : chaque notification restée non lue part, signée, vers vos webhooks qui reçoivent cet événement.',
  categoriesHeading: 'Rubriques',
  categoriesHelp: 'L’ordre ici est celui du forum. Une rubrique archivée disparaît du forum ; ses sujets restent lisibles.',
  noCategories: 'Aucune rubrique pour l’instant : créez la première ci-dessous.',
  newCategory: 'Nouvelle rubrique',
  nameIn: (locale) => `Nom (${locale})`,
  descriptionIn: (locale) => `Description (${locale})`,
  slug: 'Adresse (facultative)',
  slugHelp: 'Minuscules, chiffres et tirets ; tirée du nom si vide.',
  holdback: 'Délai communautaire (minutes)',
  holdbackHelp: 'Temps laissé à la communauté avant que les conseillers interviennent.',
  accountAccess: 'Accès au compte client',
  accountAccessNames: { asker: 'Le client l’indique', always: 'Toujours (conseiller tout de suite)', never: 'Jamais' },
  create: 'Créer la rubrique',
  created: (name) => `Rubrique « ${name} » créée.`,
  edit: (name) => `Modifier « ${name} »`,
  editShort: 'Modifier',
  archiveShort: 'Archiver',
  restoreShort: 'Rétablir',
  moveUp: (name) => `Monter « ${name} »`,
  moveDown: (name) => `Descendre « ${name} »`,
  archive: (name) => `Archiver « ${name} »`,
  restore: (name) => `Rétablir « ${name} »`,
  archived: 'Archivée',
  threads: (count) => `${count.toLocaleString('fr')} ${plural('fr', count, 'sujet', 'sujets')}`,
  holdbackShort: (minutes) => `délai ${minutes} min`,
  reordered: 'Ordre enregistré.',
};

const en: AdminStrings = {
  heading: 'Administration',
  tabsLabel: 'Community settings',
  views: { community: 'Community', categories: 'Categories', ranks: 'Ranks', team: 'Team', trusted: 'Trusted members', webhooks: 'Webhooks' },
  adminsOnly: 'This view is for the community’s administrators.',
  loading: 'Loading…',
  loadFailed: 'The settings could not be loaded.',
  retry: 'Retry',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  saveFailed: (reason) => `Not saved: ${reason}`,
  cancel: 'Cancel',
  localeNames: { fr: 'French', en: 'English' },
  communityHeading: 'The community',
  name: 'Community name',
  defaultLocale: 'Default language',
  locales: 'Languages offered',
  signature: 'Advisor signature',
  signatureHelp: 'Markdown, added under every advisor post.',
  signatureIn: (language) => `Advisor signature in ${language}`,
  signatureInHelp: 'Under advisor posts in threads of that language. Empty: the main signature.',
  timeZone: 'Time zone',
  timeZoneHelp: 'An IANA name such as Europe/Paris. The weekly plan, the daily digest (sent after midnight) and e-mail dates follow it.',
  jargon: 'Jargon to avoid',
  jargonHelp: 'One term per line: the writing assistant suggests explaining it.',
  jargonDefault: 'Default list (telecoms).',
  useDefaultJargon: 'Back to the default list',
  collectiveHeading: 'Collective-problem detection',
  synonymsHeading: 'Search synonyms',
  synonyms: 'Synonym groups',
  synonymsHelp: (groups, words) => `One group per line, words separated by commas (for example “roaming, itinérance”): searching for one finds the others. One word per entry, at most ${groups} groups and ${words} words per group.`,
  collectiveHelp: 'An alert starts when enough new questions or “same problem” marks fall in one category and region within the window.',
  threshold: 'Signals for an alert',
  windowMinutes: 'Window (minutes)',
  useDefaultThresholds: 'Back to the default thresholds',
  notificationsHeading: 'Notifications outside the forum',
  notificationChannel: 'How unread notifications are sent',
  channelNames: { email: 'E-mail sent by the forum', webhook: 'Webhook “notification.created” (your own mailer)' },
  channelHelp: 'With the webhook, the forum sends no e-mail: each notification left unread goes, signed, to your webhooks that take this event.',
  categoriesHeading: 'Categories',
  categoriesHelp: 'The order here is the forum’s. An archived category leaves the forum; its threads stay readable.',
  noCategories: 'No category yet: create the first one below.',
  newCategory: 'New category',
  nameIn: (locale) => `Name (${locale})`,
  descriptionIn: (locale) => `Description (${locale})`,
  slug: 'Address (optional)',
  slugHelp: 'Lower-case letters, digits and dashes; made from the name when empty.',
  holdback: 'Community holdback (minutes)',
  holdbackHelp: 'Time left to the community before advisors step in.',
  accountAccess: 'Customer account access',
  accountAccessNames: { asker: 'The customer says', always: 'Always (advisor at once)', never: 'Never' },
  create: 'Create the category',
  created: (name) => `Category “${name}” created.`,
  edit: (name) => `Edit “${name}”`,
  editShort: 'Edit',
  archiveShort: 'Archive',
  restoreShort: 'Restore',
  moveUp: (name) => `Move “${name}” up`,
  moveDown: (name) => `Move “${name}” down`,
  archive: (name) => `Archive “${name}”`,
  restore: (name) => `Restore “${name}”`,
  archived: 'Archived',
  threads: (count) => `${count.toLocaleString('en')} ${plural('en', count, 'thread', 'threads')}`,
  holdbackShort: (minutes) => `holdback ${minutes} min`,
  reordered: 'Order saved.',
};

export const adminStrings: Record<Locale, AdminStrings> = { fr, en };

/** The server's reason for a refusal (its message), or a generic one. */
export function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
