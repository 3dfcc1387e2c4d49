/**
 * The rank ladder editor's strings, travelling with the administration's lazy chunk rather than
 * the read path's translation tables. Counts go through `Intl.NumberFormat` in each language.
 */
import type { Locale } from '../../core/index.ts';
import type { WeightName } from './ladder-draft.ts';

export interface AdminRanksStrings {
  heading: string;
  adminsOnly: string;
  help: string;
  weightsLegend: string;
  weightsHelp: string;
  weights: Record<WeightName, string>;
  stepsCaption: string;
  level: string;
  levelNumber: (level: number) => string;
  nameIn: (locale: Locale) => string;
  required: string;
  minScore: string;
  minDays: string;
  membersNow: string;
  membersPreview: string;
  actions: string;
  count: (count: number) => string;
  noCount: string;
  previewing: string;
  previewFailed: string;
  noMembers: string;
  addStep: string;
  remove: string;
  removeStep: (level: number) => string;
  wholeNumber: (max: number) => string;
  invalidHeading: string;
  fixNumbers: string;
  save: string;
  saving: string;
  saved: string;
  notSaved: string;
  saveFailed: string;
  reset: string;
  resetDone: string;
  unchanged: string;
}

const numbers = (locale: Locale) => new Intl.NumberFormat(locale);

const fr: AdminRanksStrings = {
  heading: 'Échelle des statuts',
  adminsOnly: 'Cette vue est réservée aux administrateurs de la communauté.',
  help: 'Le statut d’un membre est le plus haut niveau dont il atteint le score et l’ancienneté. Chaque modification est prévisualisée : combien de membres chaque niveau compterait.',
  weightsLegend: 'Points du score',
  weightsHelp: 'Le score d’un membre additionne ces points.',
  weights: { post: 'Par message', acceptedAnswer: 'Par réponse acceptée', kudos: 'Par kudo reçu', confirmedAnswer: 'Par réponse confirmée par un conseiller' },
  stepsCaption: 'Niveaux, du premier au plus haut',
  level: 'Niveau',
  levelNumber: (level) => `Niveau ${level}`,
  nameIn: (locale) => (locale === 'fr' ? 'Nom en français' : 'Nom en anglais'),
  required: '(obligatoire)',
  minScore: 'Score minimum',
  minDays: 'Ancienneté minimum (jours)',
  membersNow: 'Membres maintenant',
  membersPreview: 'Membres avec cette échelle',
  actions: 'Actions',
  count: (count) => numbers('fr').format(count),
  noCount: '—',
  previewing: 'Calcul de l’aperçu…',
  previewFailed: 'L’aperçu n’a pas pu être calculé.',
  noMembers: 'Aucun membre à compter pour l’instant.',
  addStep: 'Ajouter un niveau',
  remove: 'Retirer',
  removeStep: (level) => `le niveau ${level}`,
  wholeNumber: (max) => `Un nombre entier de 0 à ${numbers('fr').format(max)}.`,
  invalidHeading: 'Cette échelle ne peut pas être utilisée :',
  fixNumbers: 'Corrigez les nombres signalés.',
  save: 'Enregistrer l’échelle',
  saving: 'Enregistrement…',
  saved: 'Échelle enregistrée : les statuts affichés suivent.',
  notSaved: 'L’échelle n’a pas été enregistrée : corrigez ce qui est signalé.',
  saveFailed: 'L’enregistrement a échoué. Réessayez.',
  reset: 'Revenir à l’échelle enregistrée',
  resetDone: 'Retour à l’échelle enregistrée.',
  unchanged: 'Aucune modification à enregistrer.',
};

const en: AdminRanksStrings = {
  heading: 'Rank ladder',
  adminsOnly: 'This view is for the community’s admins only.',
  help: 'A member’s rank is the highest level whose score and days since joining they reach. Every change is previewed: how many members each level would hold.',
  weightsLegend: 'Score points',
  weightsHelp: 'A member’s score adds up these points.',
  weights: { post: 'Per post', acceptedAnswer: 'Per accepted answer', kudos: 'Per kudos received', confirmedAnswer: 'Per answer an advisor confirmed' },
  stepsCaption: 'Levels, from the first to the highest',
  level: 'Level',
  levelNumber: (level) => `Level ${level}`,
  nameIn: (locale) => (locale === 'fr' ? 'Name in French' : 'Name in English'),
  required: '(required)',
  minScore: 'Minimum score',
  minDays: 'Minimum days since joining',
  membersNow: 'Members now',
  membersPreview: 'Members with this ladder',
  actions: 'Actions',
  count: (count) => numbers('en').format(count),
  noCount: '—',
  previewing: 'Computing the preview…',
  previewFailed: 'The preview could not be computed.',
  noMembers: 'No member to count yet.',
  addStep: 'Add a level',
  remove: 'Remove',
  removeStep: (level) => `level ${level}`,
  wholeNumber: (max) => `A whole number from 0 to ${numbers('en').format(max)}.`,
  invalidHeading: 'This ladder cannot be used:',
  fixNumbers: 'Fix the numbers marked below.',
  save: 'Save the ladder',
  saving: 'Saving…',
  saved: 'Ladder saved: the ranks shown follow it.',
  notSaved: 'The ladder was not saved: fix what is marked.',
  saveFailed: 'Saving failed. Try again.',
  reset: 'Back to the saved ladder',
  resetDone: 'Back to the saved ladder.',
  unchanged: 'No change to save.',
};

export const adminRanksStrings: Record<Locale, AdminRanksStrings> = { fr, en };
