import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardian } from '../../src/core/guardian.ts';
import { ANGLE_STANDINS, correctedQuery, HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, highlightToHtml, normalizeSynonyms, searchTerms, synonymProblems, termVariants, toTsQuery } from '../../src/core/search.ts';

describe('search terms', () => {
  it('keeps lower-cased words of letters and digits, once each, without one-letter words', () => {
    assert.deepEqual(searchTerms("L'appli Volta : pas de 5G, pas de 5G !"), ['appli', 'volta', 'pas', 'de', '5g']);
  });

  it('keeps at most twelve words', () => {
    assert.equal(searchTerms(Array.from({ length: 30 }, (_, i) => `mot${i}`).join(' ')).length, 12);
  });

  it('searches each word in both numbers', () => {
    assert.deepEqual(termVariants('forfaits'), ['forfaits', 'forfait']);
    assert.deepEqual(termVariants('forfait'), ['forfait', 'forfaits']);
    assert.deepEqual(termVariants('gas'), ['gas']);
    assert.deepEqual(termVariants('taxe'), ['taxe', 'taxes']);
    assert.deepEqual(termVariants('réseaux'), ['réseaux', 'réseau']);
  });

  it('gives stop words and short words no variant: PostgreSQL drops "dans", not its made-up singular "dan"', () => {
    assert.deepEqual(termVariants('dans'), ['dans']);
    assert.deepEqual(termVariants('on'), ['on']);
    assert.deepEqual(termVariants('vous'), ['vous']);
    assert.deepEqual(termVariants('avec'), ['avec']);
    assert.deepEqual(termVariants('this'), ['this']);
    assert.deepEqual(termVariants('bus'), ['bus']);
  });

  it('keeps words whose ending is not a plural as they are', () => {
    assert.deepEqual(termVariants('accès'), ['accès']);
    assert.deepEqual(termVariants('access'), ['access']);
    assert.deepEqual(termVariants('prix'), ['prix']);
    assert.deepEqual(termVariants('4g5g'), ['4g5g']);
  });
});

describe('synonyms', () => {
  const synonyms = [['roaming', 'itinérance'], ['forfait', 'plan', 'abonnement']];

  it('widens each word with its group, from either side and in either number', () => {
    assert.equal(toTsQuery('roaming', 'all', synonyms), '(roaming | roamings | itinérance | itinérances)');
    assert.equal(toTsQuery('itinérance', 'all', synonyms), '(itinérance | itinérances | roaming | roamings)');
    assert.equal(toTsQuery('forfaits mobile', 'all', synonyms), '(forfaits | forfait | plan | plans | abonnement | abonnements) & (mobile | mobiles)');
  });

  it('lists what is wrong with a list an admin wrote', () => {
    assert.deepEqual(synonymProblems(synonyms), []);
    assert.equal(synonymProblems([['carte sim', 'puce']])[0]?.path, '/0/0');
    assert.equal(synonymProblems([['forfait', 'FORFAIT']])[0]?.path, '/0');
    assert.equal(synonymProblems([['forfait', 'plan'], ['plan', 'offre']])[0]?.path, '/1/0');
    assert.deepEqual(normalizeSynonyms([['Roaming', 'roaming', 'Itinérance']]), [['roaming', 'itinérance']]);
  });
});

describe('correctedQuery', () => {
  it('replaces the misspelt words in the order typed, or says nothing was replaced', () => {
    assert.equal(correctedQuery('Forfiat mobile', new Map([['forfiat', 'forfait']])), 'forfait mobile');
    assert.equal(correctedQuery('forfait mobile', new Map()), null);
  });
});

describe('toTsQuery', () => {
  it('joins words with AND for search and OR for suggestions', () => {
    assert.equal(toTsQuery('forfait mobile', 'all'), '(forfait | forfaits) & (mobile | mobiles)');
    assert.equal(toTsQuery('forfait mobile', 'any'), '(forfait | forfaits) | (mobile | mobiles)');
  });

  it('lets no tsquery operator through', () => {
    assert.equal(toTsQuery("a & !b | (c) <-> d:* 'e'", 'all'), null);
    assert.equal(toTsQuery("ok & !no:*", 'all'), '(ok) & (no)');
    assert.equal(toTsQuery('forfait', 'all', [['forfait', 'a&b', "x'y"]]), '(forfait | forfaits)');
  });
});

describe('highlightToHtml', () => {
  it('escapes the text and marks only the matched spans', () => {
    assert.equal(highlightToHtml(`<b>x</b> & ${S}forfait${E} "ok"`), '&lt;b&gt;x&lt;/b&gt; &amp; <mark>forfait</mark> &quot;ok&quot;');
  });

  it('turns angle stand-ins back into escaped text', () => {
    assert.equal(highlightToHtml(`${ANGLE_STANDINS[0]}script${ANGLE_STANDINS[1]}alert(1)`), '&lt;script&gt;alert(1)');
  });

  it('drops stray markers and markdown noise', () => {
    assert.equal(highlightToHtml(`**gras** ${E}seul et ${S}\`code\``), 'gras seul et code');
  });

  it('marks every matched span', () => {
    assert.equal(highlightToHtml(`${S}forfait${E} et ${S}mobile${E}`), '<mark>forfait</mark> et <mark>mobile</mark>');
  });

  it('drops the heading, quote and list marks that start a line, and runs of spaces', () => {
    assert.equal(highlightToHtml(' # Titre\n> cité\n-  un\n12. deux\n   ###### trois\n+ quatre\n* cinq  \n'), 'Titre cité un deux trois quatre cinq');
    assert.equal(highlightToHtml("l'appli  \n\n n'a rien"), 'l&#39;appli n&#39;a rien');
  });
});

describe('canWriteFaq', () => {
  it('lets advisors and moderators write the FAQ, nobody else', () => {
    assert.deepEqual(
      (['guest', 'member', 'advisor', 'moderator'] as const).map((role) => guardian(role === 'guest' ? { role } : { role, memberId: 1 }).knowledge.canWriteFaq()),
      [false, false, true, true],
    );
  });
});
