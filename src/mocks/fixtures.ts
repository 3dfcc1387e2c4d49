/**
 * The small community every mock starts from: four categories (one empty), six threads in
 * French and English, and members on several steps of the status ladder, one of them an
 * advisor of the technical team who confirms and credits a member's answer (study §32).
 */
import type { Locale, PostKind, Role, ThreadStatus } from '../core/index.ts';

export interface MemberFixture {
  id: number;
  pseudonym: string;
  role: Role;
  team: string | null;
  joinedAt: string;
  /** Posts written before the fixture's threads: history the mock does not hold. */
  earlierPosts: number;
  acceptedAnswers: number;
  kudosReceived: number;
  /** Where the member lives, as the brand's token says (collective-problem alerts group by it). */
  region?: string | null;
}

export interface CategoryFixture {
  id: number;
  slug: string;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
}

export interface PostFixture {
  id: number;
  authorId: number;
  /** Markdown, rendered by the mock like the server would. */
  body: string;
  createdAt: string;
  kind?: PostKind;
  /** Stored HTML, as the server would hold it after rendering and sanitizing; wins over `body`. */
  bodyHtml?: string;
  kudosCount?: number;
  /** On an advisor's reply: the community replies it confirms, crediting their authors (study §32). */
  confirms?: number[];
}

export interface ThreadFixture {
  id: number;
  categoryId: number;
  title: string;
  status: ThreadStatus;
  locale: Locale;
  sameProblemCount?: number;
  /** The reply accepted as the solution. */
  acceptedPostId?: number;
  /** Set once the thread was merged into another (moderation mocks): it lists nowhere and holds no post. */
  mergedIntoId?: number;
  /** The asker ticked "needs access to my account": advisor-now at once (advisor mocks). */
  needsAccount?: boolean;
  /** The first post is the question. */
  posts: PostFixture[];
}

export interface Fixtures {
  community: { id: number; name: Record<Locale, string>; locale: Locale; demo: boolean };
  members: MemberFixture[];
  categories: CategoryFixture[];
  threads: ThreadFixture[];
}

export const MEMBERS = {
  pix37: 1,
  rosier: 2,
  nadia: 3,
  lea: 4,
  sam: 5,
  julie: 6,
  modo: 7,
} as const;

const members: MemberFixture[] = [
  { id: 1, pseudonym: 'Pix37', role: 'member', team: null, joinedAt: '2019-03-12T09:00:00Z', earlierPosts: 12_419, acceptedAnswers: 1_500, kudosReceived: 4_200 },
  { id: 2, pseudonym: 'rosier', role: 'member', team: null, joinedAt: '2024-06-03T18:30:00Z', earlierPosts: 850, acceptedAnswers: 40, kudosReceived: 120 },
  { id: 3, pseudonym: 'Nadia_B', role: 'member', team: null, joinedAt: '2026-11-20T08:15:00Z', earlierPosts: 0, acceptedAnswers: 0, kudosReceived: 0 },
  { id: 4, pseudonym: 'Léa', role: 'advisor', team: 'technical', joinedAt: '2022-01-10T08:00:00Z', earlierPosts: 3_200, acceptedAnswers: 200, kudosReceived: 600 },
  { id: 5, pseudonym: 'sam_uk', role: 'member', team: null, joinedAt: '2025-09-01T12:00:00Z', earlierPosts: 60, acceptedAnswers: 2, kudosReceived: 8 },
  { id: 6, pseudonym: 'Julie-Volta', role: 'advisor', team: 'commercial', joinedAt: '2021-05-17T08:00:00Z', earlierPosts: 5_800, acceptedAnswers: 310, kudosReceived: 900 },
  { id: 7, pseudonym: 'Modo_Volta', role: 'moderator', team: null, joinedAt: '2020-02-02T08:00:00Z', earlierPosts: 1_900, acceptedAnswers: 15, kudosReceived: 70 },
];

const categories: CategoryFixture[] = [
  {
    id: 1,
    slug: 'activation',
    name: { fr: 'Activation de forfait', en: 'Plan activation' },
    description: { fr: 'Mise en service de la ligne, carte SIM, portabilité du numéro.', en: 'Getting your line, SIM card and number transfer working.' },
  },
  {
    id: 2,
    slug: 'billing',
    name: { fr: 'Facturation', en: 'Billing' },
    description: { fr: 'Factures, prélèvements, remboursements.', en: 'Bills, direct debits and refunds.' },
  },
  {
    id: 3,
    slug: 'technical',
    name: { fr: 'Aide technique', en: 'Technical help' },
    description: { fr: 'Réglages du téléphone, messagerie, données mobiles.', en: 'Phone settings, voicemail and mobile data.' },
  },
  {
    id: 4,
    slug: 'network',
    name: { fr: 'Réseau et couverture', en: 'Network and coverage' },
    description: { fr: 'Pannes et couverture dans votre région.', en: 'Outages and coverage where you live.' },
  },
];

const SIGNATURE = '\n\n— Léa, conseillère technique. La communauté, c’est le partage : merci de ne pas envoyer de message privé sauf si on vous le demande.';

const threads: ThreadFixture[] = [
  {
    id: 1, categoryId: 3, title: 'Plus de 4G depuis la mise à jour du téléphone', status: 'solved', locale: 'fr', sameProblemCount: 4, acceptedPostId: 2,
    posts: [
      { id: 1, authorId: 3, createdAt: '2026-11-22T08:02:00Z', kind: 'question', body: 'Bonjour,\nDepuis la mise à jour d’hier, mon téléphone reste en 3G. Le redémarrage ne change rien. Une idée ?' },
      { id: 2, authorId: 1, createdAt: '2026-11-22T08:09:00Z', body: 'Bonjour @Nadia_B,\nAllez dans **Réglages > Réseau mobile** et réinitialisez les paramètres réseau. La mise à jour remet parfois le mode sur « 3G seulement ».', kudosCount: 6 },
      { id: 3, authorId: 4, createdAt: '2026-11-22T11:40:00Z', body: `Bonjour à tous,\n@Nadia_B, je confirme ce qu’a dit @Pix37 : la réinitialisation des paramètres réseau règle ce cas. La marche à suivre est aussi dans notre [FAQ réseau](https://example.com/faq/reseau).${SIGNATURE}`, confirms: [2] },
      { id: 4, authorId: 3, createdAt: '2026-11-22T12:05:00Z', body: 'Ça marche, merci à vous deux !' },
    ],
  },
  {
    id: 2, categoryId: 3, title: 'Voicemail not working after porting my number', status: 'answered', locale: 'en',
    posts: [
      { id: 5, authorId: 5, createdAt: '2026-11-23T19:20:00Z', kind: 'question', body: 'Hi all,\nI moved my number here last week and callers now get a “number unavailable” message instead of my voicemail.' },
      { id: 6, authorId: 2, createdAt: '2026-11-23T19:31:00Z', body: 'Hello @sam_uk,\nVoicemail has to be activated again after a transfer: call `888` once from your phone and follow the prompts.' },
    ],
  },
  {
    id: 3, categoryId: 2, title: 'Double prélèvement ce mois-ci', status: 'open', locale: 'fr',
    posts: [
      { id: 7, authorId: 2, createdAt: '2026-11-24T07:45:00Z', kind: 'question', body: 'Bonjour,\nJ’ai été prélevé deux fois pour la facture de novembre. Comment me faire rembourser ?' },
      { id: 8, authorId: 4, createdAt: '2026-11-24T08:10:00Z', kind: 'trace', body: `Bonjour @rosier,\nVotre demande nécessite l’accès à votre compte : je vous contacte par message privé et je reviens ici indiquer la solution.${SIGNATURE}` },
    ],
  },
  {
    id: 4, categoryId: 1, title: 'Carte SIM reçue mais toujours pas activée', status: 'open', locale: 'fr',
    posts: [
      { id: 9, authorId: 3, createdAt: '2026-11-24T09:30:00Z', kind: 'question', body: 'J’ai reçu ma carte SIM hier, elle affiche toujours « aucun service ». Combien de temps faut-il attendre ?' },
    ],
  },
  {
    id: 5, categoryId: 3, title: 'Appels Wi-Fi sur iPhone', status: 'closed', locale: 'fr',
    posts: [
      { id: 10, authorId: 1, createdAt: '2026-10-02T17:00:00Z', kind: 'question', body: 'Les appels Wi-Fi sont-ils disponibles sur iPhone ?' },
      { id: 11, authorId: 4, createdAt: '2026-10-02T18:15:00Z', body: `Bonjour à tous,\nOui, depuis la version 17 d’iOS. Tout est expliqué dans la [FAQ appels Wi-Fi](https://example.com/faq/wifi).${SIGNATURE}` },
    ],
  },
  {
    id: 6, categoryId: 1, title: 'eSIM activation stuck on “pending”', status: 'answered', locale: 'en',
    posts: [
      { id: 12, authorId: 5, createdAt: '2026-11-21T14:00:00Z', kind: 'question', body: 'My eSIM has been “pending” for two hours. Is that normal?' },
      { id: 13, authorId: 1, createdAt: '2026-11-21T14:06:00Z', body: 'Hi @sam_uk, switch flight mode on and off, then restart. If it is still pending after 24 hours, an advisor will have to check your account.' },
    ],
  },
];

/** A fresh copy each time, so one test's writes never leak into another's. */
export function defaultFixtures(): Fixtures {
  return structuredClone({
    community: { id: 1, name: { fr: 'Entraide Mercure', en: 'Mercure Community' }, locale: 'fr', demo: true },
    members,
    categories,
    threads,
  });
}
