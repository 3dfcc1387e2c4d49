import { expect } from '@open-wc/testing';
import { highlight, matches, snippet, termGroups } from '../../src/mocks/areas/knowledge-search.ts';

/** The word matching of the mocked search, in the browser where stories and element tests use it. */
describe('mocked search matching', () => {
  it('ignores case and accents, and matches French plurals both ways', () => {
    const groups = termGroups('Reseau FORFAITS')!;

    expect(matches('Mon forfait et le réseau', groups, 'all')).to.equal(true);
    expect(matches('Mon forfait seulement', groups, 'all')).to.equal(false);
    expect(matches('Mon forfait seulement', groups, 'any')).to.equal(true);
  });

  it('has no query without a word, and matches nothing with stop words only', () => {
    expect(termGroups('?! a')).to.equal(null);
    const stopWords = termGroups('de la')!;

    expect(stopWords).to.have.length(0);
    expect(matches('de la', stopWords, 'any')).to.equal(false);
  });

  it('escapes the text and adds only <mark> around matched words', () => {
    const groups = termGroups('pangolin')!;

    const html = highlight('Pangolin <img src=x onerror=alert(1)> & "co"', groups);

    expect(html).to.equal('<mark>Pangolin</mark> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;');
  });

  it('cuts a snippet around the first match, without markdown marks', () => {
    const words = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' ');

    const html = snippet(`${words} **zèbre** ${words}`, termGroups('zebre')!);

    expect(html).to.contain('<mark>zèbre</mark>');
    expect(html).not.to.contain('**');
    expect(html.startsWith('mot34 ')).to.equal(true);
    expect(html.split(' ')).to.have.length(28);
  });
});
