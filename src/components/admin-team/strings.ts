/**
 * The team administration's strings, travelling with the administration's lazy chunk rather
 * than the read path's translation tables.
 */
import type { Locale, Role } from '../../core/index.ts';

export interface AdminTeamStrings {
  heading: string;
  adminsOnly: string;
  help: string;
  empty: string;
  roles: Record<Role, string>;
  team: string;
  noTeam: string;
  newTeamOption: string;
  newTeamName: string;
  newTeamMissing: string;
  expertise: string;
  expertiseHelp: string;
  noCategories: string;
  save: string;
  saveFor: (pseudonym: string) => string;
  saving: string;
  saved: string;
  unknownCategory: string;
  conflict: string;
  saveFailed: string;
}

const fr: AdminTeamStrings = {
  heading: 'L’équipe',
  adminsOnly: 'Cette vue est réservée aux administrateurs de la communauté.',
  help: 'Les conseillers, modérateurs et administrateurs de la marque : leur équipe et, pour les conseillers, les catégories qu’ils connaissent le mieux. Les membres n’y figurent pas : le rôle vient de la connexion.',
  empty: 'Aucun conseiller, modérateur ou administrateur pour l’instant.',
  roles: { member: 'Membre', advisor: 'Conseiller', moderator: 'Modérateur', admin: 'Administrateur' },
  team: 'Équipe',
  noTeam: 'Aucune équipe',
  newTeamOption: 'Nouvelle équipe…',
  newTeamName: 'Nom de la nouvelle équipe',
  newTeamMissing: 'Saisissez le nom de la nouvelle équipe.',
  expertise: 'Catégories d’expertise',
  expertiseHelp: 'Les catégories où ce conseiller aime répondre : ses collègues le savent.',
  noCategories: 'La communauté n’a pas encore de catégorie.',
  save: 'Enregistrer',
  saveFor: (pseudonym) => `pour ${pseudonym}`,
  saving: 'Enregistrement…',
  saved: 'Enregistré.',
  unknownCategory: 'Une des catégories n’existe plus : rechargez la page.',
  conflict: 'Son rôle ne permet pas ce changement.',
  saveFailed: 'L’enregistrement a échoué. Réessayez.',
};

const en: AdminTeamStrings = {
  heading: 'The team',
  adminsOnly: 'This view is for the community’s admins only.',
  help: 'The brand’s advisors, moderators and admins: their team and, for advisors, the categories they know best. Members are not listed: the role comes from the sign-in.',
  empty: 'No advisor, moderator or admin yet.',
  roles: { member: 'Member', advisor: 'Advisor', moderator: 'Moderator', admin: 'Admin' },
  team: 'Team',
  noTeam: 'No team',
  newTeamOption: 'New team…',
  newTeamName: 'New team’s name',
  newTeamMissing: 'Type the new team’s name.',
  expertise: 'Categories of expertise',
  expertiseHelp: 'The categories this advisor loves answering in: colleagues know whom to leave them to.',
  noCategories: 'The community has no category yet.',
  save: 'Save',
  saveFor: (pseudonym) => `for ${pseudonym}`,
  saving: 'Saving…',
  saved: 'Saved.',
  unknownCategory: 'One of the categories no longer exists: reload the page.',
  conflict: 'Their role does not allow this change.',
  saveFailed: 'Saving failed. Try again.',
};

export const adminTeamStrings: Record<Locale, AdminTeamStrings> = { fr, en };
