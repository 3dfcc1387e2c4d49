import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  averageSentenceWords, checkRecipientDesign, countWords, DEFAULT_JARGON, jargonIn, privateRedirectIn, RECIPIENT_DESIGN_LIMITS, singleAddressee,
} from '../../src/core/recipient-design.ts';

const kinds = (text: string) => checkRecipientDesign(text).map((warning) => warning.kind);
const words = (count: number, word = 'mot') => Array.from({ length: count }, () => word).join(' ');

describe('recipient design: the greeting', () => {
  it('accepts a greeting to everyone followed by the asker', () => {
    assert.equal(singleAddressee('Bonjour à tous, @Theo56\nRedémarrez.'), undefined);
    assert.equal(singleAddressee('Hello everyone, @Theo56'), undefined);
    assert.equal(singleAddressee('Bonjour tout le monde'), undefined);
  });

  it('names the one person a greeting addresses without greeting everyone', () => {
    assert.equal(singleAddressee('Bonjour Theo56,\nRedémarrez.'), 'Theo56');
    assert.equal(singleAddressee('Hi @Kali29!'), 'Kali29');
  });

  it('reads only the first written line, and ignores text with no greeting or no name', () => {
    assert.equal(singleAddressee('\n\nBonjour Theo56'), 'Theo56');
    assert.equal(singleAddressee('   \nBonjour Theo56'), 'Theo56');
    assert.equal(singleAddressee('Redémarrez le téléphone.\nBonjour Theo56'), undefined);
    assert.equal(singleAddressee('Bonjour,'), undefined);
    assert.equal(singleAddressee('Hiroshi, restart the phone.'), undefined);
  });

  it('warns with the name when the greeting names only one person', () => {
    assert.deepEqual(checkRecipientDesign('Bonjour Theo56, redémarrez.'), [{ kind: 'single-addressee', name: 'Theo56' }]);
  });
});

describe('recipient design: length and clarity', () => {
  it('counts words, not punctuation', () => {
    assert.equal(countWords('Bonjour à tous , @Theo56 — merci !'), 5);
  });

  it('warns when a reply is over the word limit, not at it', () => {
    assert.deepEqual(kinds(`${words(RECIPIENT_DESIGN_LIMITS.maxWords - 1, 'Oui.')} Oui.`), []);
    assert.deepEqual(checkRecipientDesign(`${words(RECIPIENT_DESIGN_LIMITS.maxWords, 'Oui.')} Oui.`)[0], { kind: 'too-long', words: 181, max: 180 });
  });

  it('follows a custom word limit', () => {
    assert.deepEqual(kinds('Un. Deux. Trois. Quatre.'), []);
    assert.deepEqual(checkRecipientDesign('Un. Deux. Trois. Quatre.', { maxWords: 3 }).map((w) => w.kind), ['too-long']);
  });

  it('averages words per sentence, sentences ending with punctuation or a line break', () => {
    assert.equal(averageSentenceWords('Un deux. Trois quatre cinq six!\nSept'), 7 / 3);
    assert.equal(averageSentenceWords(''), 0);
  });

  it('warns about long sentences on average, not about short replies', () => {
    assert.deepEqual(checkRecipientDesign(`${words(30)}.`), [{ kind: 'long-sentences', averageWords: 30, max: 25 }]);
    assert.deepEqual(kinds(`${words(10)}. ${words(10)}.`), []);
    assert.deepEqual(kinds(words(11)), [], 'too short to judge');
  });

  it('judges sentences from twelve words on, and only above the limit', () => {
    assert.deepEqual(checkRecipientDesign(words(11), { maxSentenceWords: 5 }), []);
    assert.deepEqual(checkRecipientDesign(words(12), { maxSentenceWords: 5 }), [{ kind: 'long-sentences', averageWords: 12, max: 5 }]);
    assert.deepEqual(checkRecipientDesign(words(12), { maxSentenceWords: 12 }), []);
  });

  it('counts the words of every line', () => {
    assert.deepEqual(checkRecipientDesign('Un\ndeux\ntrois', { maxWords: 2 }), [{ kind: 'too-long', words: 3, max: 2 }]);
  });

  it('finds jargon as whole words, acronyms in capitals only', () => {
    assert.deepEqual(jargonIn('Vérifiez l’APN et le code PUK, puis la portabilité.'), ['APN', 'PUK', 'portabilité']);
    assert.deepEqual(jargonIn('Rapn, puk et apnée ne comptent pas.'), []);
    assert.deepEqual(jargonIn('Ask for your PAC code before porting.'), ['PAC code', 'porting']);
  });

  it('finds every term of the default lists, and skips blank terms of a community list', () => {
    for (const terms of [DEFAULT_JARGON.fr, DEFAULT_JARGON.en]) assert.deepEqual(jargonIn(terms.join(', '), terms), terms);
    assert.deepEqual(jargonIn('APN, à vérifier', ['  ', ' APN ']), [' APN ']);
  });

  it('matches words in any case, acronyms in capitals and after no letter, community terms literally', () => {
    assert.deepEqual(jargonIn('la volte et le Roaming', ['VoLTE', 'roaming']), ['VoLTE', 'roaming']);
    assert.deepEqual(jargonIn('xAPN, ÉPUK', ['APN', 'PUK']), []);
    assert.deepEqual(jargonIn('Le Canal est fermé', ['Canal+']), []);
    assert.deepEqual(jargonIn('Ask for your PAC code', ['PAC  code']), ['PAC  code']);
  });

  it('uses the community list when given one', () => {
    assert.deepEqual(checkRecipientDesign('Votre box Mercure est en mode bridge.', { jargon: ['bridge'] }), [{ kind: 'jargon', terms: ['bridge'] }]);
    assert.deepEqual(checkRecipientDesign('Vérifiez l’APN.', { jargon: ['bridge'] }), []);
    assert.ok(DEFAULT_JARGON.fr.includes('RIO') && DEFAULT_JARGON.en.includes('APN'));
  });
});

describe('recipient design: answering in public', () => {
  it('finds phrases that move the asker to private messages', () => {
    assert.equal(privateRedirectIn('Envoyez-moi votre numéro en MP.'), 'en MP');
    assert.equal(privateRedirectIn('Contactez-nous en privé.'), 'en privé');
    assert.equal(privateRedirectIn('Please send me a private message.'), 'private message');
  });

  it('does not mistake ordinary words for a private redirect', () => {
    assert.equal(privateRedirectIn('Le temps de mise en service est de 24 h.'), undefined);
    assert.equal(privateRedirectIn('Call us at 5 PM.'), undefined);
  });

  it('warns once, after the other warnings', () => {
    assert.deepEqual(kinds('Bonjour Theo56, le RIO se demande en MP.'), ['single-addressee', 'jargon', 'private-redirect']);
  });
});

describe('recipient design: quotes', () => {
  it('ignores quoted lines, which are other people’s words', () => {
    assert.deepEqual(kinds('Bonjour à tous, @Theo56\n> Envoie-moi ton RIO en MP\nC’est réglé, merci.'), []);
    assert.deepEqual(kinds('C’est réglé.\n   > Envoie-moi ton RIO en MP'), [], 'an indented quote is a quote too');
  });

  it('gives no warning for a short, plain reply to everyone', () => {
    assert.deepEqual(checkRecipientDesign('Bonjour à tous, @Theo56\nRedémarrez le téléphone, puis patientez 24 h.'), []);
  });
});
