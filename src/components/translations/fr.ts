import type { CoreTranslation } from './translation.ts';
import { plural } from './translation.ts';
import type { Role } from '../../core/index.ts';

const ROLE_NAMES: Record<Role, string> = { member: 'Membre', advisor: 'Conseiller', moderator: 'Modérateur', admin: 'Administrateur' };

const TEAMS: Record<string, string> = { technical: 'technique', commercial: 'commercial' };

export const fr: CoreTranslation = {
  locale: 'fr',

  forumLabel: 'Forum d’entraide',
  signIn: 'Se connecter',
  signedInAs: (pseudonym) => `Connecté en tant que ${pseudonym}`,
  signInUnavailable: 'La connexion n’est pas disponible sur cette page.',

  loading: 'Chargement…',
  retry: 'Réessayer',
  loadFailed: 'Le chargement a échoué.',
  networkFailed: 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  notFound: 'Cette page n’existe pas ou a été supprimée.',
  pageNotFound: 'Page introuvable',
  backToCategories: 'Toutes les rubriques',
  backToCategory: (name) => `Retour à ${name}`,

  categoriesHeading: 'Rubriques',
  noCategories: 'Aucune rubrique pour le moment.',
  threadCount: plural('fr', { one: '# discussion', other: '# discussions' }),
  postCount: plural('fr', { one: '# message', other: '# messages' }),
  lastActivity: (when) => `Dernière activité ${when}`,
  noActivity: 'Aucune activité',

  noThreads: 'Aucune question ici pour l’instant. Soyez le premier à demander.',
  threadStatus: { open: 'Ouvert', answered: 'Répondu', solved: 'Résolu', closed: 'Fermé', archived: 'Archivé' },
  by: (pseudonym) => `par ${pseudonym}`,
  replyCount: plural('fr', { one: '# réponse', other: '# réponses' }),
  newPosts: plural('fr', { one: '# nouveau', other: '# nouveaux' }),
  previousPosts: 'Messages précédents',
  showMoreReplies: plural('fr', { one: 'Afficher # message de plus', other: 'Afficher la suite (# messages pas encore affichés)' }),
  searchLink: 'Rechercher',
  loadMore: 'Voir plus',
  acceptedSolution: 'Solution acceptée',
  advisorSignature: 'Signature du conseiller',
  filterLabel: 'Afficher',
  threadFilters: { all: 'Toutes', unanswered: 'Sans réponse', solved: 'Résolues', mine: 'Les miennes' },
  sortLabel: 'Trier par',
  threadSorts: { activity: 'Activité récente', newest: 'Questions récentes' },
  noThreadsFiltered: 'Aucune question ne correspond à ce filtre.',
  loadingMore: 'Chargement de la suite…',
  newQuestion: 'Nouvelle question',
  signInToAsk: 'Connectez-vous pour poser une question',
  threadListLabel: (category) => `Questions de la rubrique ${category}`,

  postsLabel: 'Messages',
  question: 'Question',
  trace: 'Note de suivi',
  deletedByAuthor: 'Message supprimé par son auteur',
  deletedByStaff: 'Message supprimé par la modération',
  signInToReply: 'Connectez-vous pour répondre',
  threadClosed: 'Cette discussion est fermée aux nouvelles réponses.',
  newReplyFrom: (pseudonym) => `Nouvelle réponse de ${pseudonym}`,

  roleBadge: (role, team) => {
    const name = ROLE_NAMES[role];
    const teamName = team ? (TEAMS[team] ?? team) : '';
    return teamName ? `${name} ${teamName}` : name;
  },
  level: 'Niveau',
  memberSince: (monthYear) => `Membre depuis ${monthYear}`,
  postedOn: (date) => `Publié le ${date}`,

  newQuestionHeading: 'Poser une question',
  replyHeading: 'Répondre',
};
