/**
 * Text over a length limit is refused in place (issue 15, item 12). A field's native
 * `maxlength` cut a 100 KB paste to the limit without a word, and the cut text was posted; so
 * editors with a limit set none, keep the text as typed, show "20 412 / 20 000 caractères",
 * disable sending with the reason, and say once, politely, when the text crosses the limit.
 * The server's own length check stays the last guard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../../core/index.ts';
import { formatNumber } from './format.ts';

interface LimitStrings {
  count: (count: string, max: string) => string;
  /** Next to the disabled send button, and announced once when the text crosses the limit. */
  over: (excess: string, max: string) => string;
}

const strings: Record<Locale, LimitStrings> = {
  fr: {
    count: (count, max) => `${count} / ${max} caractères`,
    over: (excess, max) => `Texte trop long de ${excess} caractères (${max} au plus)\u00a0: raccourcissez-le pour pouvoir l’envoyer.`,
  },
  en: {
    count: (count, max) => `${count} / ${max} characters`,
    over: (excess, max) => `The text is ${excess} characters too long (${max} at most): shorten it to send it.`,
  },
};

/** "20 412 / 20 000 caractères" in the locale's digits. */
export function lengthCount(locale: Locale, length: number, max: number): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return strings[locale].count(formatNumber(tag, length), formatNumber(tag, max));
}

/** Why sending is refused, or '' while the text fits. */
export function overLimitReason(locale: Locale, length: number, max: number): string {
  if (length <= max) return '';
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return strings[locale].over(formatNumber(tag, length - max), formatNumber(tag, max));
}

/**
 * Tracks whether the host's text is over its limit and what the live region should say: the
 * reason once when crossing over, nothing while it stays over (a screen reader would repeat
 * it at every keystroke), and silence again once back under.
 */
export class LengthLimitController implements ReactiveController {
  /** What the host's polite live region says now. */
  announcement = '';
  #over = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Call on each input with the text's length; returns whether it is over `max`. */
  track(locale: Locale, length: number, max: number): boolean {
    const over = length > max;
    if (over !== this.#over) {
      this.announcement = over ? overLimitReason(locale, length, max) : '';
      this.#over = over;
      this.#host.requestUpdate();
    }
    return over;
  }
}
