/**
 * The team view's strings (who is on duty, my weekly plan), travelling with the advisor
 * workspace's lazy chunk rather than the read path's translation tables.
 */
import type { Locale } from '../../core/index.ts';

export interface AgentTeamStrings {
  heading: string;
  staffOnly: string;
  loading: string;
  loadFailed: string;
  retry: string;
  nowHeading: string;
  nowAt: (time: string) => string;
  nobody: string;
  onDuty: (count: number) => string;
  myNowHeading: string;
  myNowNone: string;
  planHeading: string;
  planHelp: string;
  planEmpty: string;
  slot: (index: number) => string;
  weekday: string;
  start: string;
  end: string;
  categories: string;
  addSlot: string;
  removeSlot: (index: number) => string;
  save: string;
  saving: string;
  saved: string;
  saveFailed: string;
  fixSlots: string;
}

const plural = (locale: Locale, count: number, one: string, other: string) => (new Intl.PluralRules(locale).select(count) === 'one' ? one : other);

const fr: AgentTeamStrings = {
  heading: 'Équipe',
  staffOnly: 'Cette vue est réservée aux conseillers et aux modérateurs.',
  loading: 'Chargement…',
  loadFailed: 'Le chargement a échoué.',
  retry: 'Réessayer',
  nowHeading: 'Qui est sur quelle catégorie maintenant',
  nowAt: (time) => `Situation à ${time}, mise à jour chaque minute.`,
  nobody: 'Personne',
  onDuty: (count) => `${count} ${plural('fr', count, 'conseiller', 'conseillers')} de service`,
  myNowHeading: 'Mes catégories maintenant',
  myNowNone: 'Aucune : vous n’êtes pas de service en ce moment.',
  planHeading: 'Mon planning de la semaine',
  planHelp: 'Une plage couvre le jour choisi de l’heure de début (incluse) à l’heure de fin (exclue) ; 00:00 en fin veut dire minuit.',
  planEmpty: 'Aucune plage pour l’instant.',
  slot: (index) => `Plage ${index}`,
  weekday: 'Jour',
  start: 'Début',
  end: 'Fin',
  categories: 'Catégories',
  addSlot: 'Ajouter une plage',
  removeSlot: (index) => `Retirer la plage ${index}`,
  save: 'Enregistrer le planning',
  saving: 'Enregistrement…',
  saved: 'Planning enregistré.',
  saveFailed: 'L’enregistrement a échoué.',
  fixSlots: 'Le planning n’a pas été enregistré : corrigez les plages signalées.',
};

const en: AgentTeamStrings = {
  heading: 'Team',
  staffOnly: 'This view is for advisors and moderators only.',
  loading: 'Loading…',
  loadFailed: 'Loading failed.',
  retry: 'Retry',
  nowHeading: 'Who is on which category now',
  nowAt: (time) => `As of ${time}, updated every minute.`,
  nobody: 'Nobody',
  onDuty: (count) => `${count} ${plural('en', count, 'advisor', 'advisors')} on duty`,
  myNowHeading: 'My categories now',
  myNowNone: 'None: you are not on duty right now.',
  planHeading: 'My weekly plan',
  planHelp: 'A slot covers the chosen day from its start time (included) to its end time (excluded); an end of 00:00 means midnight.',
  planEmpty: 'No slot yet.',
  slot: (index) => `Slot ${index}`,
  weekday: 'Day',
  start: 'Start',
  end: 'End',
  categories: 'Categories',
  addSlot: 'Add a slot',
  removeSlot: (index) => `Remove slot ${index}`,
  save: 'Save the plan',
  saving: 'Saving…',
  saved: 'Plan saved.',
  saveFailed: 'Saving failed.',
  fixSlots: 'The plan was not saved: fix the slots marked below.',
};

export const agentTeamStrings: Record<Locale, AgentTeamStrings> = { fr, en };
