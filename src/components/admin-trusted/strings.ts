/**
 * The trusted members view's strings, travelling with the administration's lazy chunk rather
 * than the read path's translation tables.
 */
import type { Locale, ModerationPower } from '../../core/index.ts';

export interface AdminTrustedStrings {
  heading: string;
  adminsOnly: string;
  help: string;
  empty: string;
  powers: Record<ModerationPower, string>;
  rank: (level: number, name: string) => string;
  since: (date: string) => string;
  powersLabel: string;
  revoke: string;
  revokeWhat: (power: string, pseudonym: string) => string;
  revokeQuestion: (power: string, pseudonym: string) => string;
  revokeYes: string;
  cancel: string;
  revoked: (power: string, pseudonym: string) => string;
  revokeFailed: string;
  grantHeading: string;
  member: string;
  memberHint: string;
  searching: string;
  results: (count: number) => string;
  noResult: string;
  searchFailed: string;
  power: string;
  grant: string;
  granting: string;
  granted: (power: string, pseudonym: string) => string;
  pickMember: string;
  alreadyHolds: (power: string, pseudonym: string) => string;
  memberGone: string;
  grantFailed: string;
}

const plural = (locale: Locale, count: number, one: string, other: string) => (new Intl.PluralRules(locale).select(count) === 'one' ? one : other);

const fr: AdminTrustedStrings = {
  heading: 'Membres de confiance',
  adminsOnly: 'Cette vue est réservée aux administrateurs de la communauté.',
  help: 'Des membres actifs modèrent aussi : ils rappellent les règles et examinent les messages signalés. Chaque attribution et chaque retrait est tracé.',
  empty: 'Aucun membre de confiance pour l’instant.',
  powers: { 'review-flags': 'Examiner les signalements' },
  rank: (level, name) => `Niveau ${new Intl.NumberFormat('fr').format(level)} · ${name}`,
  since: (date) => `De confiance depuis le ${date}`,
  powersLabel: 'Pouvoirs',
  revoke: 'Retirer',
  revokeWhat: (power, pseudonym) => `« ${power} » à ${pseudonym}`,
  revokeQuestion: (power, pseudonym) => `Retirer « ${power} » à ${pseudonym} ?`,
  revokeYes: 'Oui, retirer',
  cancel: 'Annuler',
  revoked: (power, pseudonym) => `${pseudonym} n’a plus le pouvoir « ${power} ».`,
  revokeFailed: 'Le retrait a échoué. Réessayez.',
  grantHeading: 'Accorder un pouvoir',
  member: 'Membre',
  memberHint: 'Tapez le début d’un pseudonyme, puis choisissez avec les flèches et Entrée.',
  searching: 'Recherche…',
  results: (count) => `${count} ${plural('fr', count, 'membre trouvé', 'membres trouvés')}`,
  noResult: 'Aucun membre ne commence ainsi.',
  searchFailed: 'La recherche a échoué.',
  power: 'Pouvoir',
  grant: 'Accorder',
  granting: 'Attribution…',
  granted: (power, pseudonym) => `${pseudonym} a désormais le pouvoir « ${power} ».`,
  pickMember: 'Choisissez un membre dans la liste.',
  alreadyHolds: (power, pseudonym) => `${pseudonym} a déjà le pouvoir « ${power} ».`,
  memberGone: 'Ce membre n’existe plus.',
  grantFailed: 'L’attribution a échoué. Réessayez.',
};

const en: AdminTrustedStrings = {
  heading: 'Trusted members',
  adminsOnly: 'This view is for the community’s admins only.',
  help: 'Active members moderate too: they remind the rules and review flagged posts. Every grant and every revocation is audited.',
  empty: 'No trusted member yet.',
  powers: { 'review-flags': 'Review flagged posts' },
  rank: (level, name) => `Level ${new Intl.NumberFormat('en').format(level)} · ${name}`,
  since: (date) => `Trusted since ${date}`,
  powersLabel: 'Powers',
  revoke: 'Revoke',
  revokeWhat: (power, pseudonym) => `“${power}” from ${pseudonym}`,
  revokeQuestion: (power, pseudonym) => `Revoke “${power}” from ${pseudonym}?`,
  revokeYes: 'Yes, revoke',
  cancel: 'Cancel',
  revoked: (power, pseudonym) => `${pseudonym} no longer holds “${power}”.`,
  revokeFailed: 'Revoking failed. Try again.',
  grantHeading: 'Grant a power',
  member: 'Member',
  memberHint: 'Type the start of a pseudonym, then choose with the arrow keys and Enter.',
  searching: 'Searching…',
  results: (count) => `${count} ${plural('en', count, 'member found', 'members found')}`,
  noResult: 'No member starts that way.',
  searchFailed: 'The search failed.',
  power: 'Power',
  grant: 'Grant',
  granting: 'Granting…',
  granted: (power, pseudonym) => `${pseudonym} now holds “${power}”.`,
  pickMember: 'Choose a member in the list.',
  alreadyHolds: (power, pseudonym) => `${pseudonym} already holds “${power}”.`,
  memberGone: 'This member no longer exists.',
  grantFailed: 'Granting failed. Try again.',
};

export const adminTrustedStrings: Record<Locale, AdminTrustedStrings> = { fr, en };
