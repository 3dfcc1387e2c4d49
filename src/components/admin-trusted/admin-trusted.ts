import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { MODERATION_POWERS, type ModerationPower } from '../../core/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import type { TrustedMemberList } from '../../sdk/types.ts';
import { AdminElement } from '../admin/admin-element.ts';
import { adminInputs } from '../admin/form.styles.ts';
import { formatDateLong } from '../internal/format-more.ts';
import { formatDateTime } from '../internal/format.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderEmpty, renderError, renderLoading } from '../internal/states.ts';
import styles from './admin-trusted.styles.ts';
import { MemberSearch, renderMemberSearch } from './member-search.ts';
import { adminTrustedStrings, type AdminTrustedStrings } from './strings.ts';
import '../internal/staff-client.ts';

/** The contract's types, as the SDK's methods answer them (elements reach the contract through the SDK only). */
type TrustedMember = TrustedMemberList['items'][number];

interface Grant {
  memberId: number;
  power: ModerationPower;
}

/**
 * @summary Trusted members (admins; study §21, §42): members who hold moderation powers, with
 * their rank, powers and since when, each power revoked after a confirmation; and a form to grant
 * a power, picking the member with a search combobox (arrow keys, Enter, Escape). Refusals (a
 * power already held) are said inline. Anyone but an admin is refused without a request.
 *
 * @tag entraide-admin-trusted
 *
 * @csspart list - The trusted members.
 * @csspart member - One trusted member.
 * @csspart power - One power a member holds.
 * @csspart revoke - A power's revoke button.
 * @csspart revoke-confirm - The revocation's question and its two buttons.
 * @csspart revoke-yes - The button that revokes.
 * @csspart revoke-cancel - The button that keeps the power.
 * @csspart grant - The grant form.
 * @csspart member-input - The member search field (role combobox).
 * @csspart listbox - The members found.
 * @csspart option - One member found.
 * @csspart search-status - How many members the search found.
 * @csspart power-select - The power to grant.
 * @csspart grant-button - The grant button.
 * @csspart grant-problem - Why a grant was refused.
 * @csspart status - What was granted or revoked (a live region).
 * @csspart empty - Shown when nobody holds a power.
 * @csspart refused - The message shown to anyone but an admin.
 * @csspart loading - The loading message.
 * @csspart error - The loading error and retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--entraide-color-danger] - Refusals and failures.
 * @cssprop [--entraide-color-focus] - The option under way in the member list.
 */
export class EntraideAdminTrusted extends AdminElement<TrustedMember[]> {
  static override styles = [tokens, controls, adminInputs, styles];

  @state() protected confirming: Grant | undefined;
  @state() protected revoking = false;
  @state() protected power: ModerationPower = MODERATION_POWERS[0];
  @state() protected granting = false;
  @state() protected grantProblem = '';
  @state() protected status = '';
  @state() protected failed = false;

  protected readonly search = new MemberSearch(this);

  get #s(): AdminTrustedStrings {
    return adminTrustedStrings[this.resolvedLocale];
  }

  protected override async fetch(signal: AbortSignal): Promise<TrustedMember[]> {
    return (await this.client.admin.trusted({ signal })).items;
  }

  /** After a grant or a revocation: the list as the server now has it; a failure keeps the old one. */
  async #refresh(): Promise<void> {
    try {
      this.data = (await this.client.admin.trusted()).items;
    } catch {
      // The next grant, revocation or visit shows it.
    }
  }

  protected override render() {
    const s = this.#s;
    if (!this.allowed) return html`<p class="state" part="refused" role="alert">${s.adminsOnly}</p>`;
    return html`
      <section aria-labelledby="trusted-heading" aria-busy=${this.data || this.loadError ? 'false' : 'true'}>
        <h3 id="trusted-heading" tabindex="-1">${s.heading}</h3>
        ${this.loadError ? renderError(this.t, this.loadError, () => void this.reload()) : this.data ? this.#renderBody(s, this.data) : renderLoading(this.t)}
      </section>
    `;
  }

  #renderBody(s: AdminTrustedStrings, items: TrustedMember[]) {
    return html`
      <p class="help">${s.help}</p>
      ${items.length
        ? html`<ul class="members" part="list" aria-labelledby="trusted-heading">${items.map((item) => this.#renderMember(s, item))}</ul>`
        : renderEmpty(s.empty)}
      <p class="status" part="status" role="status" ?data-failed=${this.failed}>${this.status}</p>
      ${this.#renderGrant(s)}
    `;
  }

  #renderMember(s: AdminTrustedStrings, item: TrustedMember) {
    const { id, pseudonym, rank } = item.member;
    const date = formatDateLong(this.resolvedLocale, item.grantedAt);
    const confirming = this.confirming?.memberId === id ? this.confirming : undefined;
    return html`
      <li class="member" part="member" data-member=${id}>
        <p class="who"><span class="pseudonym">${pseudonym}</span> <span class="rank">${s.rank(rank.level, rank.name)}</span></p>
        <p class="since"><time datetime=${item.grantedAt} title=${formatDateTime(this.resolvedLocale, item.grantedAt)}>${s.since(date)}</time></p>
        <ul class="powers" aria-label=${s.powersLabel}>
          ${item.powers.map((power) => html`
            <li part="power" data-power=${power}>
              <span>${s.powers[power]}</span>
              <button class="button secondary" part="revoke" type="button" aria-expanded=${confirming?.power === power ? 'true' : 'false'}
                @click=${() => void this.#askRevoke({ memberId: id, power })}>
                ${s.revoke}<span class="visually-hidden"> ${s.revokeWhat(s.powers[power], pseudonym)}</span>
              </button>
            </li>`)}
        </ul>
        ${confirming ? this.#renderConfirm(s, confirming, pseudonym) : nothing}
      </li>
    `;
  }

  /** Inline, not `window.confirm`: the question, then the harmless choice first in focus; Escape cancels. */
  #renderConfirm(s: AdminTrustedStrings, grant: Grant, pseudonym: string) {
    return html`
      <div class="confirm" part="revoke-confirm" role="group" aria-labelledby="revoke-question" @keydown=${this.#onConfirmKey}>
        <p id="revoke-question">${s.revokeQuestion(s.powers[grant.power], pseudonym)}</p>
        <button class="button danger" part="revoke-yes" type="button" ?disabled=${this.revoking} @click=${() => void this.#revoke(grant, pseudonym)}>${s.revokeYes}</button>
        <button class="button secondary" part="revoke-cancel" type="button" @click=${() => void this.#cancelRevoke()}>${s.cancel}</button>
      </div>
    `;
  }

  #renderGrant(s: AdminTrustedStrings) {
    const invalid = this.grantProblem !== '';
    return html`
      <form class="grant" part="grant" aria-labelledby="grant-heading" novalidate
        @submit=${(event: Event) => void this.#grant(event)} @input=${() => (this.grantProblem = '')}>
        <h4 id="grant-heading">${s.grantHeading}</h4>
        ${renderMemberSearch(this.search, s, invalid)}
        <label class="field">${s.power}
          <select name="power" part="power-select" @change=${(event: Event) => (this.power = (event.target as HTMLSelectElement).value as ModerationPower)}>
            ${MODERATION_POWERS.map((power) => html`<option value=${power} .selected=${power === this.power}>${s.powers[power]}</option>`)}
          </select>
        </label>
        <p class="problem" part="grant-problem" id="grant-problem" role="alert">${this.grantProblem}</p>
        <button class="button" part="grant-button" type="submit" ?disabled=${this.granting}>${this.granting ? s.granting : s.grant}</button>
      </form>
    `;
  }

  #say(text: string, failed: boolean): void {
    // A live region speaks only when its text changes: repeat with a trailing no-break space.
    this.status = text === this.status ? `${text}\u00a0` : text;
    this.failed = failed;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  readonly #onConfirmKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.#cancelRevoke();
  };

  async #askRevoke(grant: Grant): Promise<void> {
    this.confirming = grant;
    await this.#focus('[part="revoke-cancel"]');
  }

  async #cancelRevoke(): Promise<void> {
    const grant = this.confirming;
    this.confirming = undefined;
    if (grant) await this.#focus(`[part="member"][data-member="${grant.memberId}"] [part="power"][data-power="${grant.power}"] [part="revoke"]`);
  }

  async #revoke(grant: Grant, pseudonym: string): Promise<void> {
    if (this.revoking) return;
    const s = this.#s;
    this.revoking = true;
    try {
      await this.client.moderation.revoke(grant.memberId, grant.power);
      this.confirming = undefined;
      this.#say(s.revoked(s.powers[grant.power], pseudonym), false);
      await this.#refresh();
      // The member's card may be gone with its last power: the heading takes the focus.
      await this.#focus('#trusted-heading');
    } catch {
      this.#say(s.revokeFailed, true);
    } finally {
      this.revoking = false;
    }
  }

  async #grant(event: Event): Promise<void> {
    event.preventDefault();
    const s = this.#s;
    const member = this.search.picked;
    if (this.granting) return;
    if (!member) {
      this.grantProblem = s.pickMember;
      return this.#focus('#member-input');
    }
    const power = this.power;
    this.granting = true;
    this.grantProblem = '';
    try {
      await this.client.moderation.grant(member.id, power);
      this.search.clear();
      this.#say(s.granted(s.powers[power], member.pseudonym), false);
      await this.#refresh();
    } catch (error) {
      this.grantProblem = this.#grantFailure(s, error, s.powers[power], member.pseudonym);
    } finally {
      this.granting = false;
    }
  }

  #grantFailure(s: AdminTrustedStrings, error: unknown, power: string, pseudonym: string): string {
    if (!isEntraideError(error)) return s.grantFailed;
    if (error.status === 409) return s.alreadyHolds(power, pseudonym);
    if (error.status === 404) return s.memberGone;
    return error.status === 0 ? this.t.networkFailed : s.grantFailed;
  }
}

EntraideAdminTrusted.define('entraide-admin-trusted');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-admin-trusted': EntraideAdminTrusted;
  }
}
