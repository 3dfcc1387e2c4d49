/**
 * The forum's header bar: the community's name, search, the brand's own slot, languages, the
 * signed-in member's links and bell (or "Sign in"), and the notices about signing in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../core/index.ts';
import type { SignInReason } from '../events/sign-in-requested.ts';
import type { SessionState } from '../internal/context.ts';
import type { Links } from '../internal/router.ts';
import { loadAccountLinks, loadLanguageSwitcher } from '../internal/lazy.ts';
import '../rank-badge/rank-badge.ts';
import type { renderSessionEnded } from './session-ended.ts';
import type { Translation } from '../translations/translation.ts';

export interface HeaderContext {
  t: Translation;
  links: Links;
  member: SessionState['member'];
  locale: Locale;
  communityName: string | undefined;
  locales: readonly Locale[];
  signInUnavailable: boolean;
  /** The notice to show when the API refused the reader's token; undefined: none. */
  sessionEnded: typeof renderSessionEnded | undefined;
  requestSignIn: (reason: SignInReason) => void;
}

/** The member's links and bell, in a chunk a guest's page never loads; their parts are the forum's too. */
function renderAccountLinks(): TemplateResult {
  void loadAccountLinks();
  return html`<entraide-account-links exportparts="inbox-link, notifications, preferences-link, agent-link, admin-link"></entraide-account-links>`;
}

/** The switcher, in its own chunk: a community with one language never loads it. */
function renderLanguages(locales: readonly Locale[], locale: Locale) {
  if (locales.length < 2) return nothing;
  void loadLanguageSwitcher();
  return html`<entraide-language-switcher part="language" .locales=${locales} value=${locale}></entraide-language-switcher>`;
}

function renderAccount({ t, member, requestSignIn }: HeaderContext): TemplateResult {
  return member
    ? html`
        <span class="member" part="member">
          <span class="visually-hidden">${t.signedInAs(member.pseudonym)}</span>
          <span aria-hidden="true">${member.pseudonym}</span>
          <entraide-rank-badge .level=${member.rank.level} .name=${member.rank.name}></entraide-rank-badge>
        </span>
      `
    : html`<slot name="sign-in"><button class="button" part="sign-in" type="button" @click=${() => requestSignIn('header')}>${t.signIn}</button></slot>`;
}

export function renderForumHeader(context: HeaderContext): TemplateResult {
  const { t, links, member, sessionEnded } = context;
  return html`
    <header part="header">
      <a class="community" part="community-name" href=${links.href({ name: 'categories' })}>${context.communityName ?? t.forumLabel}</a>
      <a class="search-link" part="search-link" href=${links.href({ name: 'search', query: '' })}>${t.searchLink}</a>
      <slot name="header"></slot>
      ${renderLanguages(context.locales, context.locale)}
      ${member ? renderAccountLinks() : nothing}
      ${renderAccount(context)}
    </header>
    ${context.signInUnavailable ? html`<p class="notice" role="status">${t.signInUnavailable}</p>` : nothing}
    <div role="status">${sessionEnded ? sessionEnded(t, () => context.requestSignIn('session-ended')) : nothing}</div>
  `;
}
