/**
 * The advisor workspace's strings (console, queue, incidents), kept out of the read path's
 * translation tables: the console is a lazy chunk and its words travel with it.
 */
import type { Locale } from '../../core/index.ts';
import type { IncidentStatus } from '../../core/index.ts';
import type { QueueGroup } from '../../core/index.ts';

export type { QueueGroup };
export type ConsoleView = 'queue' | 'reviews' | 'incidents' | 'team' | 'quality';

export interface ConsoleStrings {
  locale: Locale;
  heading: string;
  tabsLabel: string;
  views: Record<ConsoleView, string>;
  advisorsOnly: string;
  loading: string;
  loadFailed: string;
  retry: string;
  // Queue
  groups: Record<QueueGroup, string>;
  groupCount: (count: number) => string;
  /** An empty group still shows, so that an advisor sees it holds nothing. */
  groupEmpty: string;
  showMore: (shown: number, total: number) => string;
  loadingMore: string;
  moreFailed: string;
  emptyQueue: string;
  categoryFilter: string;
  allCategories: string;
  myCategoriesNow: string;
  offDuty: string;
  shortcutsHelp: string;
  waiting: (duration: string) => string;
  overdue: (duration: string) => string;
  communityTimeLeft: (countdown: string) => string;
  flagWeight: (weight: number) => string;
  urgentOn: string;
  urgentOff: string;
  urgentFailed: string;
  chips: { needsAccount: string; communityAnswer: string; urgent: string };
  replies: (count: number) => string;
  experts: string;
  expertsFor: (title: string) => string;
  noExperts: string;
  expertCounts: (accepted: number, confirmed: number) => string;
  notify: string;
  notified: string;
  notifyFailed: string;
  // Alerts & incidents
  alerts: string;
  noAlerts: string;
  alertSummary: (count: number, region: string | null) => string;
  keywords: string;
  declare: string;
  declareHeading: string;
  incidentTitle: string;
  bannerText: string;
  /** The optional version of the title and banner in the community's other language (`language`: that language's name). */
  inOtherLanguage: (language: Locale) => string;
  inOtherLanguageHelp: string;
  linkedThreads: string;
  submitDeclare: string;
  cancel: string;
  activeIncidents: string;
  noActiveIncidents: string;
  bannerLive: string;
  postUpdate: string;
  updateText: string;
  updateStatus: string;
  submitUpdate: string;
  resolve: string;
  confirmResolve: (title: string) => string;
  resolveText: string;
  confirmYes: string;
  incidentStatus: Record<IncidentStatus, string>;
  saveFailed: string;
  incidentDeclared: (title: string) => string;
  incidentResolved: (title: string) => string;
  updatePosted: string;
  /** The declaration's suggested title, from a linked thread's title. */
  alertTitleSuggestion: (threadTitle: string, region: string | null) => string;
  /** When no linked thread title is known. */
  alertTitleFallback: (category: string, region: string | null) => string;
  alertBannerSuggestion: (region: string | null) => string;
}

const pluralFr = new Intl.PluralRules('fr');
const pluralEn = new Intl.PluralRules('en');
const plural = (rules: Intl.PluralRules, count: number, one: string, other: string) => (rules.select(count) === 'one' ? one : other);

const fr: ConsoleStrings = {
  locale: 'fr',
  heading: 'Espace conseiller',
  tabsLabel: 'Vues de l’espace conseiller',
  views: { queue: 'File d’attente', reviews: 'Relectures', incidents: 'Alertes et incidents', team: 'Équipe', quality: 'Qualité' },
  advisorsOnly: 'Cet espace est réservé aux conseillers et aux modérateurs.',
  loading: 'Chargement…',
  loadFailed: 'Le chargement a échoué.',
  retry: 'Réessayer',
  groups: {
    'advisor-now': 'Accès au compte nécessaire : à traiter tout de suite',
    'advisor-due': 'Délai communautaire dépassé, sans réponse acceptée ni confirmée',
    'awaiting-confirmation': 'Réponses de la communauté à confirmer',
    'flagged-post': 'Messages signalés',
  },
  groupCount: (count) => `${count} ${plural(pluralFr, count, 'élément', 'éléments')}`,
  groupEmpty: 'Rien dans ce groupe.',
  showMore: (shown, total) => `Afficher la suite (${shown} sur ${total})`,
  loadingMore: 'Chargement de la suite…',
  moreFailed: 'La suite n’a pas pu être chargée : réessayez.',
  emptyQueue: 'Rien en attente : la communauté s’en occupe.',
  categoryFilter: 'Catégorie',
  allCategories: 'Toutes les catégories',
  myCategoriesNow: 'Mes catégories maintenant',
  offDuty: 'Votre planning ne vous attribue aucune catégorie en ce moment : décochez « Mes catégories maintenant » pour tout voir.',
  shortcutsHelp: 'Raccourcis : j / ↓ suivant, k / ↑ précédent, Entrée ouvrir, u urgent.',
  waiting: (duration) => `En attente depuis ${duration}`,
  overdue: (duration) => `En retard de ${duration}`,
  communityTimeLeft: (countdown) => `Temps communauté restant : ${countdown}`,
  flagWeight: (weight) => `Poids des signalements : ${weight}`,
  urgentOn: 'Marquer urgent',
  urgentOff: 'Retirer l’urgence',
  urgentFailed: 'Impossible de changer l’urgence.',
  chips: { needsAccount: 'Compte client', communityAnswer: 'Réponse communauté', urgent: 'Urgent' },
  replies: (count) => `${count} ${plural(pluralFr, count, 'réponse', 'réponses')}`,
  experts: 'Membres experts',
  expertsFor: (title) => `Membres qui répondent souvent à ce type de question : ${title}`,
  noExperts: 'Aucun membre expert actif récemment dans cette catégorie.',
  expertCounts: (accepted, confirmed) =>
    `${accepted} ${plural(pluralFr, accepted, 'réponse acceptée', 'réponses acceptées')}, ${confirmed} ${plural(pluralFr, confirmed, 'confirmée', 'confirmées')}`,
  notify: 'Prévenir ces membres',
  notified: 'Membres prévenus.',
  notifyFailed: 'Impossible de prévenir ces membres.',
  alerts: 'Alertes de problème collectif',
  noAlerts: 'Aucune alerte pour le moment.',
  alertSummary: (count, region) => `${count} ${plural(pluralFr, count, 'signal', 'signaux')}${region ? ` · ${region}` : ''}`,
  keywords: 'Mots-clés',
  declare: 'Déclarer un incident',
  declareHeading: 'Déclarer un incident',
  incidentTitle: 'Titre',
  bannerText: 'Texte du bandeau public',
  inOtherLanguage: (language) => `En ${{ fr: 'français', en: 'anglais' }[language]} (facultatif)`,
  inOtherLanguageHelp: 'Les lecteurs dans cette langue voient ce titre et ce texte ; sans eux, ils lisent la version principale.',
  linkedThreads: 'Discussions liées',
  submitDeclare: 'Publier le bandeau',
  cancel: 'Annuler',
  activeIncidents: 'Incidents en cours',
  noActiveIncidents: 'Aucun incident en cours.',
  bannerLive: 'Bandeau public en ligne',
  postUpdate: 'Publier un point',
  updateText: 'Texte du point',
  updateStatus: 'Statut',
  submitUpdate: 'Publier',
  resolve: 'Résoudre',
  confirmResolve: (title) => `Résoudre « ${title} » ? Le bandeau public sera retiré.`,
  resolveText: 'Message de résolution',
  confirmYes: 'Oui, résoudre',
  incidentStatus: { investigating: 'Analyse en cours', identified: 'Cause identifiée', monitoring: 'Sous surveillance', resolved: 'Résolu' },
  saveFailed: 'L’enregistrement a échoué.',
  incidentDeclared: (title) => `Incident « ${title} » déclaré : le bandeau est en ligne.`,
  incidentResolved: (title) => `Incident « ${title} » résolu : le bandeau est retiré.`,
  updatePosted: 'Point publié.',
  alertTitleSuggestion: (threadTitle, region) => `${threadTitle}${region ? ` (${region})` : ''}`,
  alertTitleFallback: (category, region) => `Incident en cours : ${category}${region ? ` (${region})` : ''}`,
  alertBannerSuggestion: (region) =>
    `Plusieurs clients${region ? ` en ${region}` : ''} nous signalent ce problème. Nos équipes sont dessus ; inutile d’ouvrir une nouvelle discussion.`,
};

const en: ConsoleStrings = {
  locale: 'en',
  heading: 'Advisor workspace',
  tabsLabel: 'Advisor workspace views',
  views: { queue: 'Queue', reviews: 'Reviews', incidents: 'Alerts & incidents', team: 'Team', quality: 'Quality' },
  advisorsOnly: 'This workspace is for advisors and moderators only.',
  loading: 'Loading…',
  loadFailed: 'Loading failed.',
  retry: 'Retry',
  groups: {
    'advisor-now': 'Needs account access: act now',
    'advisor-due': 'Community time over, no accepted or confirmed answer',
    'awaiting-confirmation': 'Community answers awaiting confirmation',
    'flagged-post': 'Flagged posts',
  },
  groupCount: (count) => `${count} ${plural(pluralEn, count, 'item', 'items')}`,
  groupEmpty: 'Nothing in this group.',
  showMore: (shown, total) => `Show more (${shown} of ${total})`,
  loadingMore: 'Loading more…',
  moreFailed: 'The next items could not be loaded: try again.',
  emptyQueue: 'Nothing waiting: the community has it covered.',
  categoryFilter: 'Category',
  allCategories: 'All categories',
  myCategoriesNow: 'My categories now',
  offDuty: 'Your plan assigns you no category right now: uncheck “My categories now” to see them all.',
  shortcutsHelp: 'Shortcuts: j / ↓ next, k / ↑ previous, Enter open, u urgent.',
  waiting: (duration) => `Waiting for ${duration}`,
  overdue: (duration) => `Overdue by ${duration}`,
  communityTimeLeft: (countdown) => `Community time left: ${countdown}`,
  flagWeight: (weight) => `Flag weight: ${weight}`,
  urgentOn: 'Mark urgent',
  urgentOff: 'Remove urgent mark',
  urgentFailed: 'Could not change the urgent mark.',
  chips: { needsAccount: 'Account access', communityAnswer: 'Community answer', urgent: 'Urgent' },
  replies: (count) => `${count} ${plural(pluralEn, count, 'reply', 'replies')}`,
  experts: 'Expert members',
  expertsFor: (title) => `Members who often answer this kind of question: ${title}`,
  noExperts: 'No expert member active recently in this category.',
  expertCounts: (accepted, confirmed) => `${accepted} accepted, ${confirmed} confirmed`,
  notify: 'Notify these members',
  notified: 'Members notified.',
  notifyFailed: 'Could not notify these members.',
  alerts: 'Collective-problem alerts',
  noAlerts: 'No alert right now.',
  alertSummary: (count, region) => `${count} ${plural(pluralEn, count, 'signal', 'signals')}${region ? ` · ${region}` : ''}`,
  keywords: 'Keywords',
  declare: 'Declare an incident',
  declareHeading: 'Declare an incident',
  incidentTitle: 'Title',
  bannerText: 'Public banner text',
  inOtherLanguage: (language) => `In ${{ fr: 'French', en: 'English' }[language]} (optional)`,
  inOtherLanguageHelp: 'Readers in that language see this title and text; without them, they read the main version.',
  linkedThreads: 'Linked threads',
  submitDeclare: 'Publish the banner',
  cancel: 'Cancel',
  activeIncidents: 'Active incidents',
  noActiveIncidents: 'No active incident.',
  bannerLive: 'Public banner live',
  postUpdate: 'Post an update',
  updateText: 'Update text',
  updateStatus: 'Status',
  submitUpdate: 'Post',
  resolve: 'Resolve',
  confirmResolve: (title) => `Resolve “${title}”? The public banner will be taken down.`,
  resolveText: 'Resolution message',
  confirmYes: 'Yes, resolve',
  incidentStatus: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
  saveFailed: 'Saving failed.',
  incidentDeclared: (title) => `Incident “${title}” declared: the banner is live.`,
  incidentResolved: (title) => `Incident “${title}” resolved: the banner is down.`,
  updatePosted: 'Update posted.',
  alertTitleSuggestion: (threadTitle, region) => `${threadTitle}${region ? ` (${region})` : ''}`,
  alertTitleFallback: (category, region) => `Ongoing incident: ${category}${region ? ` (${region})` : ''}`,
  alertBannerSuggestion: (region) => `Several customers${region ? ` in ${region}` : ''} have reported this problem. Our teams are on it; no need to open a new thread.`,
};

export const consoleStrings: Record<Locale, ConsoleStrings> = { fr, en };

/** "2 h 5 min" / "2 hr, 5 min": a wait or an overdue time, through Intl.NumberFormat units. */
export function formatDuration(locale: Locale, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}`;
  return `${unit(Math.floor(hours / 24), 'day')} ${unit(hours % 24, 'hour')}`;
}

/** "2:04:09": a countdown that visibly moves every second. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
