/**
 * The demo community's people: the rank ladder they climb, where they live, who they are.
 * Pseudonyms, advisors and the moderator are invented; the shapes follow the study (§22, §36):
 * a small core of very active members, a wider circle, and many one-time askers.
 */
import { isAdvisor } from '../../core/domain.ts';
import { DEFAULT_RANK_LADDER, type RankLadder } from '../../core/ranks.ts';
import { DAY, MINUTE, type Rng } from './random.ts';

const VOLTA_RANK_NAMES = [
  'Voltien',
  'Voltien Étincelle',
  'Voltien Connecté',
  'Voltien 3G',
  'Voltien 4G',
  'Voltien 4G+',
  'Voltien 5G',
  'Voltien Antenne',
  'Voltien Relais',
  'Voltien Ampère',
  'Voltien Kilowatt',
  'Voltien Mégawatt',
  'Voltien Haute Tension',
  'Voltien Éclair',
  'Super Voltien',
] as const;

/** The same statuses for English readers. */
const VOLTA_RANK_NAMES_EN = [
  'Voltian', 'Spark Voltian', 'Connected Voltian', '3G Voltian', '4G Voltian', '4G+ Voltian', '5G Voltian', 'Antenna Voltian',
  'Relay Voltian', 'Ampere Voltian', 'Kilowatt Voltian', 'Megawatt Voltian', 'High Voltage Voltian', 'Lightning Voltian', 'Super Voltian',
] as const;

/** Volta Mobile's fifteen statuses: the default thresholds, operator-flavoured names in French and English. */
export const VOLTA_RANK_LADDER: RankLadder = {
  weights: DEFAULT_RANK_LADDER.weights,
  steps: DEFAULT_RANK_LADDER.steps.map((step, index) => {
    const fr = VOLTA_RANK_NAMES[index] ?? step.name;
    return { ...step, name: fr, names: { fr, en: VOLTA_RANK_NAMES_EN[index] ?? fr } };
  }),
};

export const TOP_LEVEL = VOLTA_RANK_LADDER.steps.length;

/** The highest score a member of `level` may have without reaching the next level. */
export function scoreCap(level: number): number {
  const next = VOLTA_RANK_LADDER.steps[level];
  return next ? next.minScore - 1 : Number.POSITIVE_INFINITY;
}

export function levelStep(level: number): { minScore: number; minDays: number } {
  const step = VOLTA_RANK_LADDER.steps[level - 1];
  if (!step) throw new Error(`no rank level ${level}`);
  return step;
}

/** French regions with a few towns each: members live there, network faults happen there. */
export const REGIONS: Readonly<Record<string, readonly string[]>> = {
  'Île-de-France': ['Paris 11e', 'Montreuil', 'Versailles', 'Créteil', 'Argenteuil'],
  'Auvergne-Rhône-Alpes': ['Lyon 7e', 'Grenoble', 'Clermont-Ferrand', 'Annecy', 'Saint-Étienne'],
  'Hauts-de-France': ['Lille', 'Amiens', 'Roubaix', 'Dunkerque'],
  "Provence-Alpes-Côte d'Azur": ['Marseille 5e', 'Nice', 'Toulon', 'Avignon', 'Aix-en-Provence'],
  'Grand Est': ['Strasbourg', 'Metz', 'Reims', 'Nancy', 'Mulhouse'],
  Occitanie: ['Toulouse', 'Montpellier', 'Nîmes', 'Perpignan', 'Albi'],
  Normandie: ['Rouen', 'Caen', 'Le Havre', 'Cherbourg'],
  'Nouvelle-Aquitaine': ['Bordeaux', 'Limoges', 'Poitiers', 'Pau', 'La Rochelle'],
  'Centre-Val de Loire': ['Tours', 'Orléans', 'Bourges'],
  'Bourgogne-Franche-Comté': ['Dijon', 'Besançon', 'Auxerre'],
  Bretagne: ['Rennes', 'Brest', 'Vannes', 'Saint-Brieuc', 'Quimper'],
  'Pays de la Loire': ['Nantes', 'Angers', 'Le Mans', 'Saint-Nazaire'],
  Corse: ['Ajaccio', 'Bastia'],
};
export const REGION_NAMES = Object.keys(REGIONS);

/** Where the demo's collective network problem happens (several customers, one region, one fault). */
export const OUTAGE_REGION = 'Occitanie';

// Invented handles. French-style first, English-style second; no dots, so @mentions stay unambiguous.
const FRENCH_HANDLES = `mistral13 Bouba_75 cerise Gaby44 LeSanglier Nono31 chouquette Manu_R Steph_62 tournesol
Zaza69 Lulu_du_35 Pascalou marmotte73 Jojo_fr Loulou56 CapitaineCrochet framboise Mimi_lyon Seb_breizh
Didou Kiki06 Papy_Bernard Clem33 Rico59 Vava titou Fanfan_38 MamieJo Chti_Greg
Bastoune pomme2pin Fred_Toulouse Nath_V Alex_du_Sud coquelicot Yoyo67 Choupette Ludo_76 Marius13
Minouche Pilou Sandrine_G Tatave Gwen_22 Dede_87 Mathou Lolo_pdl Romu Cricri
Nico_M Babeth Patou_64 Momo93 Vinz Sosso Jeannot Flo_Rennes Chacha Titi_Nantes
Gigi45 Max_Alsace Elo_07 Pierrot Lili_rose Benji_57 Doudou Sylvie_B Quentin_D lunette
pissenlit Hibou38 Amandine_V Cedric_31 Oceane_17 Kevin_Mtp Aurel_34 Josette_12 Bibi_corse Yann_29 Gilou Ambre_49`
  .split(/\s+/);

const ENGLISH_HANDLES = `simcard_sam jdoe88 NightOwl tech_tom Maple_Leaf roamingRita BenInParis expat_emma kiwi_kate dataDan
LondonLou Brit_in_Lyon mike_w sarah_k chris_dev pixelpusher Jen_NYC gadget_guy Olly_B hannah_j
TravelTim Ana_lisboa marco_it Sven_nord Paddy_dub Zoe_x lucy_lu IanM mobile_mo Aussie_Jack Cloud9 Rob_builds`
  .split(/\s+/);

/** How many ordinary members sit on each level (index 0 = level 1): many askers, a small core. */
const LEVEL_HEADCOUNT = [32, 16, 10, 8, 7, 6, 6, 5, 5, 4, 4, 3, 3, 3, 2] as const;

export type MemberRole = 'member' | 'advisor' | 'moderator';

export interface PlannedMember {
  index: number;
  pseudonym: string;
  role: MemberRole;
  team: string | null;
  region: string;
  joinedAt: Date;
  /** The rank level the member must show once the seed is written. */
  level: number;
  /** Writes mostly in English. */
  english: boolean;
  /** Only the scripted study example may use this member. */
  reserved: boolean;
  /** Score of the posts, accepted answers and kudos planned so far. */
  score: number;
  posts: number;
  accepted: number;
  kudos: number;
  lastPostAt: Date | null;
  /** Participation before the demo's threads, added so the counters reach the target level. */
  history: { posts: number; accepted: number; kudos: number };
}

/** The members the study's examples need, by role in the story. */
/**
 * The demo's named people, for tours, stories and tests: the study's Example 1 beginner and
 * expert, a second helper, the two advisors' teams, the moderator, and an English speaker.
 */
export const DEMO_PEOPLE = {
  asker: 'Theo56',
  topHelper: 'Kali29',
  secondHelper: 'lavande',
  commercialAdvisor: 'Julie-Volta',
  technicalAdvisor: 'Karim-Volta',
  moderator: 'Sentinelle42',
  englishMember: 'simcard_sam',
  admin: 'Camille-Volta',
} as const;

export interface Cast {
  asker: PlannedMember;
  topHelper: PlannedMember;
  secondHelper: PlannedMember;
  commercialAdvisor: PlannedMember;
  technicalAdvisor: PlannedMember;
  moderator: PlannedMember;
}

function monthsAgo(now: Date, months: number): Date {
  const date = new Date(now.getTime());
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/** Builds every member, in join order, with a target level and a join date that allows it. */
export function planMembers(rng: Rng, now: Date): { members: PlannedMember[]; cast: Cast } {
  const drafts: Omit<PlannedMember, 'index'>[] = [];
  const make = (
    pseudonym: string,
    level: number,
    joinedAt: Date,
    extra: Partial<Pick<PlannedMember, 'role' | 'team' | 'region' | 'english' | 'reserved'>> = {},
  ): Omit<PlannedMember, 'index'> => {
    const draft = {
      pseudonym, level, joinedAt, role: 'member' as MemberRole, team: null, english: false, reserved: false,
      region: rng.pick(REGION_NAMES), score: 0, posts: 0, accepted: 0, kudos: 0, lastPostAt: null,
      history: { posts: 0, accepted: 0, kudos: 0 }, ...extra,
    };
    drafts.push(draft);
    return draft;
  };
  const daysAgo = (days: number): Date => new Date(now.getTime() - days * DAY - rng.int(0, 600) * MINUTE);

  // The study's Example 1 people: a beginner three months in, an expert nine months in.
  const asker = make(DEMO_PEOPLE.asker, 1, monthsAgo(now, 3), { reserved: true, region: 'Bretagne' });
  const topHelper = make(DEMO_PEOPLE.topHelper, 15, monthsAgo(now, 9), { region: 'Bretagne' });
  const secondHelper = make(DEMO_PEOPLE.secondHelper, 12, daysAgo(640), { region: "Provence-Alpes-Côte d'Azur" });
  const commercialAdvisor = make(DEMO_PEOPLE.commercialAdvisor, 11, daysAgo(1010), { role: 'advisor', team: 'commercial', region: 'Île-de-France' });
  const technicalAdvisor = make(DEMO_PEOPLE.technicalAdvisor, 12, daysAgo(890), { role: 'advisor', team: 'technical', region: 'Île-de-France' });
  const moderator = make(DEMO_PEOPLE.moderator, 13, daysAgo(1060), { role: 'moderator', region: 'Auvergne-Rhône-Alpes' });

  const handles = rng.shuffle([
    ...FRENCH_HANDLES.map((pseudonym) => ({ pseudonym, english: false })),
    ...ENGLISH_HANDLES.map((pseudonym) => ({ pseudonym, english: true })),
  ]);
  let next = 0;
  LEVEL_HEADCOUNT.forEach((count, offset) => {
    const level = offset + 1;
    const { minDays } = levelStep(level);
    for (let n = 0; n < count; n += 1) {
      const handle = handles[next];
      next += 1;
      if (!handle) throw new Error('not enough demo pseudonyms for the level headcount');
      // Askers skew recent; seniors are spread over the community's three years.
      const days = level <= 3 ? 2 + Math.floor(rng.next() ** 2 * 700) : minDays + 1 + rng.int(0, 1090 - minDays);
      make(handle.pseudonym, level, daysAgo(days), { english: handle.english });
    }
  });
  if (next !== handles.length) throw new Error('unused demo pseudonyms: adjust the level headcount');
  // A few more people in the outage region, so the collective problem has enough voices.
  const inOutageRegion = drafts.filter((draft) => draft.region === OUTAGE_REGION).length;
  drafts
    .filter((draft) => draft.level <= 6 && !draft.reserved && draft.region !== OUTAGE_REGION)
    .slice(0, Math.max(0, 8 - inOutageRegion))
    .forEach((draft) => {
      draft.region = OUTAGE_REGION;
    });

  const seen = new Set<string>();
  for (const draft of drafts) {
    const key = draft.pseudonym.toLowerCase();
    if (seen.has(key)) throw new Error(`duplicate demo pseudonym ${draft.pseudonym}`);
    seen.add(key);
  }
  const ordered = [...drafts].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  const members: PlannedMember[] = ordered.map((draft, index) => Object.assign(draft, { index }));
  const cast = { asker, topHelper, secondHelper, commercialAdvisor, technicalAdvisor, moderator } as Cast;
  return { members, cast };
}

/** How eager a member is to answer others: the core answers most (study §23, §36). */
export function helperWeight(member: PlannedMember): number {
  if (isAdvisor(member.role) || member.reserved) return 0;
  const byLevel = [0, 0.2, 0.6, 1.5, 2, 3, 4, 5, 7, 9, 12, 16, 22, 30, 45];
  return byLevel[member.level - 1] ?? 0;
}

/** How likely a member is to be the one asking. */
export function askerWeight(member: PlannedMember): number {
  if (isAdvisor(member.role) || member.reserved) return 0;
  if (member.level <= 3) return 3;
  if (member.level <= 6) return 2;
  if (member.level <= 10) return 1;
  return 0.3;
}

/**
 * Gives each member a past (posts, accepted answers and kudos from before the demo threads) so
 * the counters land on the member's target level: score within the level's range. The study's
 * expert ends with 12,419 posts, its beginner with 3 (§22).
 */
export function settleHistory(rng: Rng, members: readonly PlannedMember[], cast: Cast): void {
  for (const member of members) {
    const low = levelStep(member.level).minScore;
    const cap = scoreCap(member.level);
    const high = Number.isFinite(cap) ? cap : Math.round(low * 1.4);
    const target = Math.max(member.score, Math.round(low + rng.next() * (high - low) * 0.8));
    let extra = target - member.score;
    if (member === cast.topHelper) extra = 12_419 - member.posts;
    if (member === cast.asker) extra = 3 - member.posts;
    const accepted = member.level >= 4 && member !== cast.topHelper ? Math.floor(extra * 0.02) : 0;
    const kudos = member.level >= 3 && member !== cast.topHelper ? Math.floor(extra * 0.06) : 0;
    let posts = extra - accepted * 10 - kudos * 2;
    if (member.posts + posts === 0) posts = 1;
    member.history = { posts, accepted, kudos };
    member.score += posts + accepted * 10 + kudos * 2;
  }
}
