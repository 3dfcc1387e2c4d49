import { expect, html } from '@open-wc/testing';
import '../../src/components/rank-badge/rank-badge.ts';
import { mount } from './helpers.ts';

describe('debug', () => {
  it('plain div', () => {
    const div = document.createElement('div');
    div.innerHTML = '<span>x</span>';
    expect(div).to.equal(null);
  });
  it('lit element', async () => {
    const el = await mount(html`<entraide-rank-badge level="3" name="x"></entraide-rank-badge>`);
    expect(el).to.equal(null);
  });
});
