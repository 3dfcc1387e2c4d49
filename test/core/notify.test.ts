/** Who gets which notification (core/notify.ts): each rule directly, no database. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  directRecipients, INCIDENT_FANOUT_LIMIT, incidentRecipients, MENTION_LIMIT, mentionedNames, postRecipients, privateMessageRecipients,
} from '../../src/core/index.ts';

describe('mentionedNames', () => {
  it('finds @pseudonyms, lower-cased, once each, in order', () => {
    assert.deepEqual(mentionedNames('Bonjour à tous, @Pix37 et @rosier. Merci @PIX37 !'), ['pix37', 'rosier']);
  });
  it('ends a name at sentence punctuation, and keeps inner dots and dashes', () => {
    assert.deepEqual(mentionedNames('Vu avec @jean-marc.d. Puis @Mamie_Jo, ok?'), ['jean-marc.d', 'mamie_jo']);
  });
  it('ignores e-mail addresses, code and a lone @', () => {
    assert.deepEqual(mentionedNames('Écrivez à support@mercure.fr, tapez `@admin` ou\n```\n@root\n```\n@ seul'), []);
  });
  it(`stops at ${MENTION_LIMIT} names`, () => {
    const names = Array.from({ length: MENTION_LIMIT + 5 }, (_, i) => `@m${i}`).join(' ');
    assert.equal(mentionedNames(names).length, MENTION_LIMIT);
  });
});

describe('postRecipients', () => {
  it('tells followers of a reply, never its author', () => {
    assert.deepEqual(postRecipients({ actorId: 1, kind: 'reply', followers: [1, 2, 3], muted: [], mentioned: [] }), [
      { memberId: 2, kind: 'reply' }, { memberId: 3, kind: 'reply' },
    ]);
  });
  it('silences muted followers, but a mention still reaches them, once', () => {
    assert.deepEqual(postRecipients({ actorId: 1, kind: 'new-thread', followers: [2, 3, 4], muted: [2, 3], mentioned: [3, 1] }), [
      { memberId: 3, kind: 'mention' }, { memberId: 4, kind: 'new-thread' },
    ]);
  });
});

describe('direct and private recipients', () => {
  it('never tells the actor, and tells each member once', () => {
    assert.deepEqual(directRecipients('kudos', 5, [5]), []);
    assert.deepEqual(directRecipients('answer-confirmed', 9, [2, 2, 3]), [{ memberId: 2, kind: 'answer-confirmed' }, { memberId: 3, kind: 'answer-confirmed' }]);
  });
  it('sends a private message to the other side', () => {
    assert.deepEqual(privateMessageRecipients({ actorId: 1, askerId: 1, advisorIds: [7, 8] }).map((r) => r.memberId), [7, 8]);
    assert.deepEqual(privateMessageRecipients({ actorId: 7, askerId: 1, advisorIds: [7, 8] }).map((r) => r.memberId), [1]);
  });
});

describe('incidentRecipients', () => {
  const candidate = (memberId: number, region: string | null, muted = false) => ({ memberId, region, muted });
  it('keeps members of its region (any case), drops other regions, unknown regions, the muted and the actor', () => {
    const chosen = incidentRecipients({ actorId: 9, region: 'Bretagne' }, [candidate(1, 'bretagne'), candidate(2, 'Alsace'), candidate(3, null), candidate(4, 'Bretagne', true), candidate(9, 'Bretagne')]);
    assert.deepEqual(chosen, [{ memberId: 1, kind: 'incident' }]);
  });
  it('concerns every region when it names none, and is bounded', () => {
    const many = Array.from({ length: INCIDENT_FANOUT_LIMIT + 50 }, (_, i) => candidate(i + 1, i % 2 ? null : 'Alsace'));
    assert.equal(incidentRecipients({ actorId: 0, region: null }, many).length, INCIDENT_FANOUT_LIMIT);
  });
});
