/**
 * The quality review's strings (managers' monthly sample and rubric), travelling with the
 * advisor workspace's lazy chunk rather than the read path's translation tables.
 */
import type { Locale } from '../../core/index.ts';
import type { RubricCriterion } from '../../core/review.ts';

export interface AgentQualityStrings {
  heading: string;
  intro: string;
  managersOnly: string;
  month: string;
  loading: string;
  loadFailed: string;
  retry: string;
  empty: string;
  advisorSummary: (postCount: number, sampled: number) => string;
  noPosts: string;
  inThread: string;
  criteria: Record<RubricCriterion, string>;
  /** Labels of the scores 1 to 4. */
  scores: readonly [string, string, string, string];
  comment: string;
  save: string;
  saving: string;
  saveFailed: string;
  average: (average: string) => string;
  notScored: string;
  reviewedBy: (pseudonym: string) => string;
}

const plural = (locale: Locale, count: number, one: string, other: string) => (new Intl.PluralRules(locale).select(count) === 'one' ? one : other);

const fr: AgentQualityStrings = {
  heading: 'Revue qualité',
  intro: 'Chaque mois, quelques messages tirés au hasard par conseiller : jugez la qualité, pas le volume.',
  managersOnly: 'La revue qualité est réservée aux managers.',
  month: 'Mois',
  loading: 'Chargement…',
  loadFailed: 'Le chargement a échoué.',
  retry: 'Réessayer',
  empty: 'Aucun conseiller dans cette communauté.',
  advisorSummary: (postCount, sampled) =>
    `${postCount} ${plural('fr', postCount, 'réponse', 'réponses')} ce mois-ci, ${sampled} ${plural('fr', sampled, 'tirée', 'tirées')} au sort`,
  noPosts: 'Aucune réponse publique ce mois-ci.',
  inThread: 'Dans le fil',
  criteria: { accuracy: 'Exactitude', clarity: 'Clarté', tone: 'Ton', involvement: 'Implication de la communauté' },
  scores: ['1 – Insuffisant', '2 – Passable', '3 – Bien', '4 – Excellent'],
  comment: 'Commentaire (facultatif)',
  save: 'Enregistrer la grille',
  saving: 'Enregistrement…',
  saveFailed: 'L’enregistrement a échoué.',
  average: (average) => `Moyenne : ${average} / 4`,
  notScored: 'Pas encore évalué.',
  reviewedBy: (pseudonym) => `évalué par ${pseudonym}`,
};

const en: AgentQualityStrings = {
  heading: 'Quality review',
  intro: 'Each month, a few posts per advisor picked at random: judge quality, not volume.',
  managersOnly: 'The quality review is for managers only.',
  month: 'Month',
  loading: 'Loading…',
  loadFailed: 'Loading failed.',
  retry: 'Retry',
  empty: 'No advisor in this community.',
  advisorSummary: (postCount, sampled) => `${postCount} ${plural('en', postCount, 'reply', 'replies')} this month, ${sampled} sampled`,
  noPosts: 'No public reply this month.',
  inThread: 'In the thread',
  criteria: { accuracy: 'Accuracy', clarity: 'Clarity', tone: 'Tone', involvement: 'Community involvement' },
  scores: ['1 – Poor', '2 – Fair', '3 – Good', '4 – Excellent'],
  comment: 'Comment (optional)',
  save: 'Save the rubric',
  saving: 'Saving…',
  saveFailed: 'Saving failed.',
  average: (average) => `Average: ${average} / 4`,
  notScored: 'Not scored yet.',
  reviewedBy: (pseudonym) => `scored by ${pseudonym}`,
};

export const agentQualityStrings: Record<Locale, AgentQualityStrings> = { fr, en };
