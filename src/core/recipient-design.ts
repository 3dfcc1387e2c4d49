/**
 * Recipient design (study §19–§20, §32): advisors write in public for everyone who reads,
 * not only for the asker. They greet everyone before addressing the asker with @, keep the
 * text short and plain, and answer in public rather than sending people to private messages.
 * These pure checks turn a draft into polite warnings; the advisor composer shows them live.
 */
import type { Locale } from './domain.ts';

export type RecipientWarning =
  /** The greeting names one person ("Bonjour Theo56") instead of greeting everyone first. */
  | { kind: 'single-addressee'; name: string }
  | { kind: 'too-long'; words: number; max: number }
  | { kind: 'long-sentences'; averageWords: number; max: number }
  /** Words customers may not know, in the order of the community's list. */
  | { kind: 'jargon'; terms: string[] }
  /** The reply sends the asker to private messages ("en MP") when the answer could be public. */
  | { kind: 'private-redirect'; phrase: string };

export type RecipientWarningKind = RecipientWarning['kind'];

export interface RecipientDesignOptions {
  /** The community's jargon list; default `DEFAULT_JARGON` (both languages). */
  jargon?: readonly string[];
  /** Words above which a reply is long; default `RECIPIENT_DESIGN_LIMITS.maxWords`. */
  maxWords?: number;
  /** Average words per sentence above which a reply reads hard; default `RECIPIENT_DESIGN_LIMITS.maxSentenceWords`. */
  maxSentenceWords?: number;
}

export const RECIPIENT_DESIGN_LIMITS = {
  maxWords: 180,
  maxSentenceWords: 25,
  /** Below this many words the average sentence length says nothing. */
  minWordsForSentenceCheck: 12,
} as const;

/** Telecom jargon customers stumble on; communities pass their own list. */
export const DEFAULT_JARGON: Readonly<Record<Locale, readonly string[]>> = {
  fr: ['APN', 'PUK', 'IMEI', 'RIO', 'portabilité', 'MVNO', 'VoLTE', 'roaming', 'DNS', 'provisioning'],
  en: ['APN', 'PUK', 'IMEI', 'PAC code', 'porting', 'MVNO', 'VoLTE', 'provisioning', 'DNS', 'roaming'],
};

/** Both locales' lists, built on first use: importing the core must cost the read path nothing. */
const allJargon = (): string[] => [...new Set([...DEFAULT_JARGON.fr, ...DEFAULT_JARGON.en])];

/** Greeting words a reply may open with, in either language. */
const GREETING = /^\s*(bonjour|bonsoir|salut|coucou|hello|hi|hey|good (?:morning|afternoon|evening)|dear)\b[\s,!]*(.*)$/iu;
const EVERYONE = /(à|a) tou(s|tes)|tout le monde|everyone|everybody|\ball\b/iu;
const NAME = /@?([\p{L}\p{N}_.-]{2,})/u;

/** Phrases that move the conversation to private messages. */
const PRIVATE_PHRASES = [
  'en MP', 'par MP', 'en privé', 'message privé', 'messages privés', 'messagerie privée',
  'private message', 'in private', 'by PM', 'via PM', 'DM me', 'send me a DM', 'privately',
];

/** `term` as a whole word (letters and digits around it don't count); acronyms match their case only. */
function wordPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const acronym = term === term.toUpperCase() && /\p{Lu}/u.test(term);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, acronym ? 'u' : 'iu');
}

/** The text without quoted lines (`> …`): words quoted from others are not the advisor's. */
function ownText(text: string): string {
  return text.split('\n').filter((line) => !line.trimStart().startsWith('>')).join('\n');
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Average words per sentence; sentences end with . ! ? … or a line break. */
export function averageSentenceWords(text: string): number {
  const sentences = text.split(/[.!?…]+(?=\s|$)|\n+/u).map(countWords).filter((words) => words > 0);
  if (sentences.length === 0) return 0;
  return sentences.reduce((total, words) => total + words, 0) / sentences.length;
}

/** The one person a greeting names without greeting everyone, if it does. */
export function singleAddressee(text: string): string | undefined {
  const firstLine = text.split('\n').find((line) => line.trim()) ?? '';
  const greeting = GREETING.exec(firstLine);
  if (!greeting) return undefined;
  const rest = greeting[2] ?? '';
  if (EVERYONE.test(rest)) return undefined;
  return NAME.exec(rest)?.[1];
}

export function jargonIn(text: string, jargon: readonly string[] = allJargon()): string[] {
  return jargon.filter((term) => term.trim() && wordPattern(term.trim()).test(text));
}

export function privateRedirectIn(text: string): string | undefined {
  return PRIVATE_PHRASES.find((phrase) => wordPattern(phrase).test(text));
}

/** Every recipient-design warning for a draft, in reading order: greeting, length, clarity, privacy. */
export function checkRecipientDesign(text: string, options: RecipientDesignOptions = {}): RecipientWarning[] {
  const own = ownText(text);
  const maxWords = options.maxWords ?? RECIPIENT_DESIGN_LIMITS.maxWords;
  const maxSentence = options.maxSentenceWords ?? RECIPIENT_DESIGN_LIMITS.maxSentenceWords;
  const warnings: RecipientWarning[] = [];
  const name = singleAddressee(own);
  if (name) warnings.push({ kind: 'single-addressee', name });
  const words = countWords(own);
  if (words > maxWords) warnings.push({ kind: 'too-long', words, max: maxWords });
  const average = averageSentenceWords(own);
  if (words >= RECIPIENT_DESIGN_LIMITS.minWordsForSentenceCheck && average > maxSentence) {
    warnings.push({ kind: 'long-sentences', averageWords: Math.round(average), max: maxSentence });
  }
  const terms = jargonIn(own, options.jargon);
  if (terms.length) warnings.push({ kind: 'jargon', terms });
  const phrase = privateRedirectIn(own);
  if (phrase) warnings.push({ kind: 'private-redirect', phrase });
  return warnings;
}
