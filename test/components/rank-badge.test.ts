import { expect, html } from '@open-wc/testing';
import '../../src/components/rank-badge/rank-badge.ts';
import type { EntraideRankBadge } from '../../src/components/rank-badge/rank-badge.ts';
import { expectAccessible, mount } from './helpers.ts';

describe('<entraide-rank-badge>', () => {
  it('shows the level and the status name', async () => {
    const badge = await mount<EntraideRankBadge>(html`<entraide-rank-badge level="12" name="Senior guide"></entraide-rank-badge>`, { locale: 'en' });

    expect(badge.shadowRoot!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Level 12 Senior guide');
  });

  it('reflects its colour band from the level', async () => {
    const badge = await mount<EntraideRankBadge>(html`<entraide-rank-badge level="1" name="Newcomer"></entraide-rank-badge>`);

    badge.level = 9;
    await badge.updateComplete;

    expect(badge.getAttribute('band')).to.equal('3');
  });

  it('names the level in French inside a French page', async () => {
    const badge = await mount<EntraideRankBadge>(html`<entraide-rank-badge level="3" name="Regular"></entraide-rank-badge>`, { locale: 'fr' });

    expect(badge.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.contain('Niveau');
  });

  it('has no axe-core violation', async () => {
    const badge = await mount<EntraideRankBadge>(html`<entraide-rank-badge level="15" name="Super legend"></entraide-rank-badge>`);

    await expectAccessible(badge);
  });
});
