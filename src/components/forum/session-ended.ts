/**
 * The notice that the API refused the reader's token and no fresh one came. A session rarely
 * ends so: the notice and its strings are a chunk, loaded only then (see `loadSessionEnded`).
 */
import { html, type TemplateResult } from 'lit';
import { registerStrings, type Translation } from '../translations/index.ts';
import { sessionEndedStrings } from '../translations/session-ended.strings.ts';

registerStrings(sessionEndedStrings);

/** The notice, inside the forum's shadow root (its parts and styles are the forum's). */
export function renderSessionEnded(t: Translation, signInAgain: () => void): TemplateResult {
  return html`
    <div class="notice session-ended" part="session-ended">
      <span>${t.sessionEnded}</span>
      <button class="button" part="sign-in-again" type="button" @click=${signInAgain}>${t.signInAgain}</button>
    </div>
  `;
}
