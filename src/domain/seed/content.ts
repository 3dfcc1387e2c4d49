/**
 * The words of the demo: categories, the vocabulary that varies between threads, and the
 * generic lines (follow-ups, "+1", thanks, advisor confirmations) shared by every topic.
 * Topic-specific questions and answers live in topics-*.ts.
 */

export type SeedLocale = 'fr' | 'en';
export type Localized = Readonly<Record<SeedLocale, string>>;

export interface CategorySeed {
  slug: string;
  name: Localized;
  description: Localized;
  holdbackMinutes: number;
  /** Which advisor team usually watches the category. */
  team: 'technical' | 'commercial';
  /** Share of the threads asked in it. */
  weight: number;
}

export const CATEGORIES: readonly CategorySeed[] = [
  {
    slug: 'activation-forfait', team: 'commercial', holdbackMinutes: 180, weight: 17,
    name: { fr: 'Activation et forfait', en: 'Activation and plans' },
    description: { fr: 'Activer sa ligne, sa carte SIM ou son eSIM, changer de forfait.', en: 'Activating your line, SIM or eSIM, changing plans.' },
  },
  {
    slug: 'facturation', team: 'commercial', holdbackMinutes: 120, weight: 14,
    name: { fr: 'Facturation', en: 'Billing' },
    description: { fr: 'Factures, paiements, prélèvements et remboursements.', en: 'Bills, payments, direct debits and refunds.' },
  },
  {
    slug: 'assistance-technique', team: 'technical', holdbackMinutes: 180, weight: 15,
    name: { fr: 'Assistance technique', en: 'Technical help' },
    description: { fr: 'Internet mobile, messagerie vocale, SMS et MMS, appels Wi-Fi.', en: 'Mobile data, voicemail, texts and MMS, Wi-Fi calling.' },
  },
  {
    slug: 'reseau', team: 'technical', holdbackMinutes: 180, weight: 14,
    name: { fr: 'Réseau et couverture', en: 'Network and coverage' },
    description: { fr: 'Pannes, couverture 4G et 5G, appels qui coupent.', en: 'Outages, 4G and 5G coverage, dropped calls.' },
  },
  {
    slug: 'telephones-mobiles', team: 'technical', holdbackMinutes: 180, weight: 11,
    name: { fr: 'Téléphones mobiles', en: 'Mobile phones' },
    description: { fr: 'Déblocage, carte SIM non reconnue, perte ou vol, achat de téléphone.', en: 'Unlocking, SIM not recognised, loss or theft, buying a phone.' },
  },
  {
    slug: 'portabilite', team: 'commercial', holdbackMinutes: 180, weight: 10,
    name: { fr: 'Portabilité du numéro', en: 'Number porting' },
    description: { fr: 'Garder son numéro : code RIO, date et suivi de la portabilité.', en: 'Keeping your number: RIO code, porting date and follow-up.' },
  },
  {
    slug: 'international-roaming', team: 'commercial', holdbackMinutes: 180, weight: 10,
    name: { fr: 'International et roaming', en: 'International and roaming' },
    description: { fr: "Utiliser son mobile à l'étranger, appeler l'international.", en: 'Using your phone abroad, calling other countries.' },
  },
  {
    slug: 'offres-options', team: 'commercial', holdbackMinutes: 180, weight: 9,
    name: { fr: 'Offres et options', en: 'Offers and add-ons' },
    description: { fr: 'Pass data, contrôle parental, offres multi-lignes et promotions.', en: 'Data passes, parental control, multi-line offers and promotions.' },
  },
];

export const FAQ_BASE = 'https://volta.example/faq/';

export const PLANS = ['Volta 5 Go', 'Volta 20 Go', 'Volta 80 Go', 'Volta 150 Go 5G', 'Volta Illimité 5G'] as const;
export const PHONES = [
  'iPhone 13', 'iPhone 15', 'Galaxy A54', 'Galaxy S23', 'Pixel 8', 'Redmi Note 12', 'Fairphone 5', 'Xperia 10 V', 'Moto G84', 'Nokia G22',
] as const;
export const AMOUNTS = ['38,47 €', '52,90 €', '27,15 €', '64,30 €', '41,99 €', '119,60 €'] as const;
export const OPERATORS = ['Orbis Télécom', 'Nuvo Mobile', 'Céleste', 'Hexa Télécom'] as const;
/** Where customers travel: how to say "in X" in each language, and whether EU roaming rules apply. */
export const COUNTRIES: readonly { fr: string; en: string; eu: boolean }[] = [
  { fr: 'en Espagne', en: 'Spain', eu: true },
  { fr: 'en Italie', en: 'Italy', eu: true },
  { fr: 'au Portugal', en: 'Portugal', eu: true },
  { fr: 'en Allemagne', en: 'Germany', eu: true },
  { fr: 'au Maroc', en: 'Morocco', eu: false },
  { fr: 'au Canada', en: 'Canada', eu: false },
  { fr: 'aux États-Unis', en: 'the United States', eu: false },
  { fr: 'en Suisse', en: 'Switzerland', eu: false },
];

type Lines = Readonly<Record<SeedLocale, readonly string[]>>;

/** Which threads a generic line fits: every thread, technical or commercial ones, or network faults. */
export type Scope = 'any' | 'technical' | 'commercial' | 'network';
type ScopedLines = Readonly<Record<SeedLocale, Partial<Record<Scope, readonly string[]>>>>;
type ScopedExchanges = Readonly<Record<SeedLocale, Partial<Record<Scope, readonly Exchange[]>>>>;

/** The asker comes back with a question, and a helper answers it. */
export interface Exchange {
  ask: string;
  reply: string;
}

export const EXCHANGES: ScopedExchanges = {
  fr: {
    any: [
      {
        ask: "Merci @{helper} ! Et ça prend combien de temps en général ?",
        reply: "En général c'est quasi immédiat, au pire quelques heures. Si demain rien n'a bougé, reviens le dire ici.",
      },
      {
        ask: 'Merci. Et si ça ne marche pas, je dois appeler ou on peut tout faire ici ?',
        reply: "Tout se fait ici ou dans l'espace client, pas besoin d'appeler. Si c'est lié à ton dossier, un conseiller passera sur le sujet.",
      },
    ],
    technical: [
      {
        ask: 'Je ne trouve pas le menu dont tu parles, je suis sur {phone}. Il est où exactement ?',
        reply: 'Sur {phone} c’est dans **Réglages** > **Réseau mobile**, parfois sous **Plus de réglages**. Sinon tape le nom du menu dans la recherche des réglages.',
      },
      {
        ask: "Merci @{helper} ! Je viens d'essayer mais rien ne change pour l'instant… Il faut redémarrer ?",
        reply: "Oui, redémarre complètement (éteindre puis rallumer, pas juste verrouiller). Si rien n'a bougé dans une heure, retire la SIM et remets-la.",
      },
    ],
    commercial: [
      {
        ask: "Je ne trouve pas cette rubrique dans l'appli, elle est où exactement ?",
        reply: "Dans l'appli c'est dans l'onglet **Mon compte**, tout en bas. Si tu ne la vois pas, mets l'appli à jour ou passe par le site, les menus sont les mêmes.",
      },
      {
        ask: "D'accord, merci ! Est-ce que ça change quelque chose sur ma prochaine facture ?",
        reply: "Tu verras la ligne correspondante sur la prochaine facture, au prorata si besoin. Rien de caché, tout est sur la fiche tarifaire.",
      },
    ],
  },
  en: {
    any: [
      {
        ask: 'Thanks @{helper}! How long does it usually take?',
        reply: 'Usually almost instant, a few hours at most. If nothing has changed by tomorrow, post here again.',
      },
      {
        ask: 'Thanks. And if it does not work, do I have to call or can everything be done here?',
        reply: 'Everything can be done here or in your account, no need to call. If it needs your account, an advisor will step in.',
      },
    ],
    technical: [
      {
        ask: "I can't find the menu you mention on my {phone}. Where is it exactly?",
        reply: 'On the {phone} it is under **Settings** > **Mobile network**, sometimes under **More settings**. Or type the menu name in the settings search.',
      },
    ],
    commercial: [
      {
        ask: "I can't find that section in the app, where is it exactly?",
        reply: 'In the app it is in the **My account** tab, at the very bottom. If it is missing, update the app or use the website: the menus are the same.',
      },
    ],
  },
};

/** Another member adds something to an earlier answer. */
export const COMPLEMENTS: ScopedLines = {
  fr: {
    any: [
      "Je confirme ce que dit @{helper}, c'est bien la bonne méthode, je l'ai fait le mois dernier.",
      'Tout est aussi expliqué dans la FAQ Volta, ça vaut le coup de la mettre en favori : {faq}',
    ],
    technical: [
      'Je complète la réponse de @{helper} : pense à **redémarrer** le téléphone après la manip, ça règle la moitié des soucis.',
      "Petite précision : si ton téléphone a été acheté à l'étranger, les menus peuvent avoir un autre nom, mais le principe est le même.",
    ],
    commercial: [
      "Je complète la réponse de @{helper} : fais une capture d'écran de la confirmation, ça peut servir si un conseiller doit vérifier ensuite.",
    ],
  },
  en: {
    any: [
      '+1 to @{helper}, that is the right way, I did exactly that last month.',
      'It is all in the Volta FAQ too, worth bookmarking: {faq}',
    ],
    technical: ['Adding to what @{helper} said: **restart** the phone afterwards, it fixes half of these issues.'],
    commercial: ["Adding to @{helper}'s answer: take a screenshot of the confirmation, it helps if an advisor has to check later."],
  },
};

/** Someone with the same question (study §16: readers find, follow and +1). */
export const SAME_PROBLEM: ScopedLines = {
  fr: {
    any: ["J'ai la même question, je m'abonne au fil pour la réponse.", 'Je suis dans le même cas, merci d’avance pour vos réponses.'],
    technical: ['+1, pareil ici sur mon {phone}.'],
    network: ['Même souci chez moi, à {city}. Je suis le sujet.', 'Pareil à {city}, je capte très mal depuis hier.'],
  },
  en: {
    any: ['Same question here, following this thread.'],
    technical: ['+1, same on my {phone}.'],
    network: ['Same here, in {city}. Following this thread.'],
  },
};

/** The lines of `pool` that fit a thread of the given scopes. */
export function linesFor<T>(pool: Readonly<Record<SeedLocale, Partial<Record<Scope, readonly T[]>>>>, locale: SeedLocale, scopes: readonly Scope[]): T[] {
  return scopes.flatMap((scope) => pool[locale][scope] ?? []);
}

/** The asker says it worked. */
export const CLOSINGS: Lines = {
  fr: [
    "C'est réglé ! Merci beaucoup @{helper}, c'était bien ça.",
    'Tout fonctionne maintenant, merci à tous pour votre aide. Je marque la réponse de @{helper} comme solution.',
    "Merci @{helper}, ça a marché du premier coup. Bonne soirée !",
  ],
  en: [
    "Sorted! Thanks a lot @{helper}, that was it.",
    "Everything works now, thanks everyone. Marking @{helper}'s answer as the solution.",
  ],
};

/** Advisor replies (study §19, §32–33): greet everyone, then the asker, confirm and credit, link the FAQ. */
export const ADVISOR_CONFIRM_TWO: Lines = {
  fr: [
    "Bonjour à tous,\n\n@{asker}\n\nJe confirme ce qu'ont dit @{h1} et @{h2}, merci à eux.{note} Toutes les étapes sont dans notre FAQ : [{faqTitle}]({faq}).\n\nBonne journée !",
    "Bonjour à tous,\n\n@{asker}\n\n@{h1} et @{h2} vous ont donné la bonne méthode, je confirme.{note} Pour la prochaine fois, la FAQ [{faqTitle}]({faq}) explique tout pas à pas.",
  ],
  en: [
    "Hello everyone,\n\n@{asker}\n\nI confirm what @{h1} and @{h2} said, thank you both.{note} All the steps are in our FAQ: [{faqTitle}]({faq}).\n\nHave a nice day!",
  ],
};

export const ADVISOR_CONFIRM_ONE: Lines = {
  fr: [
    "Bonjour à tous,\n\n@{asker}\n\nJe confirme ce qu'a dit @{h1}, merci pour cette réponse complète.{note} Vous trouverez le détail dans notre FAQ : [{faqTitle}]({faq}).",
    "Bonjour à tous,\n\n@{asker}\n\nC'est exactement ça, merci @{h1}.{note} L'article [{faqTitle}]({faq}) reprend toutes les étapes.\n\nBonne soirée !",
  ],
  en: [
    "Hello everyone,\n\n@{asker}\n\nI confirm what @{h1} said, thanks for the thorough answer.{note} You will find the details in our FAQ: [{faqTitle}]({faq}).",
  ],
};

export const ADVISOR_DIRECT: Lines = {
  fr: [
    "Bonjour à tous,\n\n@{asker}\n\nLa réponse à votre question se trouve dans notre FAQ : [{faqTitle}]({faq}).{note} N'hésitez pas à revenir vers nous ici si besoin.",
  ],
  en: ["Hello everyone,\n\n@{asker}\n\nThe answer to your question is in our FAQ: [{faqTitle}]({faq}).{note} Feel free to come back here if needed."],
};

/** When the account must be opened, the advisor acts at once and leaves a public trace (study §17–18, §27). */
export const TRACE_OPEN: Lines = {
  fr: [
    "Bonjour à tous,\n\n@{asker}\n\nPour cette demande nous devons consulter votre dossier : je vous envoie un **message privé**. Merci de ne pas publier d'informations personnelles ici.",
  ],
  en: [
    'Hello everyone,\n\n@{asker}\n\nThis request needs us to look at your account: I am sending you a **private message**. Please do not post personal details here.',
  ],
};

export const TRACE_OUTCOME: Lines = {
  fr: ["Bonjour à tous,\n\n@{asker}\n\nSuite à nos échanges en message privé : {outcome}. Je laisse le sujet ouvert si d'autres membres ont la même question."],
  en: ['Hello everyone,\n\n@{asker}\n\nFollowing our private messages: {outcome}. I leave the thread open in case other members have the same question.'],
};

export const THANKS_AFTER_TRACE: Lines = {
  fr: ['Merci pour le suivi, tout est bon de mon côté.', 'Parfait, merci pour la rapidité !'],
  en: ['Thanks for the follow-up, all good on my side.'],
};

/** One language's words for a topic. Placeholders: {asker} {phone} {city} {region} {plan} {plan2} {amount} {country} {operator} {days} {faq}. */
export interface TopicText {
  titles: readonly string[];
  questions: readonly string[];
  /** First answers by members, written to the asker. */
  answers: readonly string[];
  faqTitle: string;
  /** A sentence the advisor adds after confirming (e.g. "the fault was reported"). */
  note?: string;
  /** What the advisor reports after private messages, when the account had to be opened. */
  outcome?: string;
}

export interface Topic {
  id: string;
  category: string;
  /** FAQ article slug under https://volta.example/faq/. */
  faq: string;
  /** Probability that the request needs the customer's account (advisor acts at once). */
  account?: number;
  fr: TopicText;
  en: TopicText;
}
