/**
 * The mocks and the real server show each reader of the live stream the same thing: what the
 * reader's reads show now. A reply a moderator hid becomes a tombstone, an edited reply comes
 * with its current body, a private message never shows, replayed from Last-Event-ID: 0.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_TARGETS, castOf, type ContractRole, type ContractTarget } from '../helpers/contract-targets.ts';
import { LiveStream, shownPosts } from '../helpers/live-stream.ts';

const HIDDEN_TEXT = 'Mon code PUK est 12345678';
const OLD_BODY = 'Appelez le 0601020304 pour débloquer';
const NEW_BODY = 'Passez par votre espace client pour débloquer';
const PRIVATE_TEXT = 'Votre numéro de ligne, en privé';

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`Live events as they read now, against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let cast: Awaited<ReturnType<typeof castOf>>;
    let threadId: number;
    let hiddenId: number;
    let editedId: number;

    before(async () => {
      target = await makeTarget();
      cast = await castOf(target);
      const { clients } = cast;
      threadId = (await clients.newcomer.threads.create({ categoryId: cast.categoryId, title: 'Carte SIM bloquée', body: 'Ma carte SIM est bloquée, que faire ?' })).thread.id;
      hiddenId = (await clients.member.posts.reply(threadId, { body: HIDDEN_TEXT })).id;
      editedId = (await clients.other.posts.reply(threadId, { body: OLD_BODY })).id;
      await clients.moderator.posts.hide(hiddenId, { reason: 'Données personnelles' });
      await clients.other.posts.edit(editedId, { body: NEW_BODY });
      await clients.advisor.private.open(threadId, { message: PRIVATE_TEXT });
    });
    after(() => target.close());

    for (const role of [undefined, 'other', 'advisor'] as const satisfies ReadonlyArray<ContractRole | undefined>) {
      it(`replays to ${role ?? 'a guest'} only what their thread read shows now`, async () => {
        const stream = await LiveStream.open(`${target.baseUrl}/events?threadId=${threadId}`, role && target.tokens[role], 0);
        try {
          // Live events follow the replay: once a reply made now arrives, the whole replay has.
          const marker = await cast.clients.member.posts.reply(threadId, { body: `Après le rejeu, ${role ?? 'guest'}` });
          await stream.waitFor(({ event }) => event.type === 'post-created' && event.post.id === marker.id, 'a reply made after the replay');
          for (const text of [HIDDEN_TEXT, OLD_BODY, PRIVATE_TEXT]) assert.ok(!stream.raw.includes(text), `received "${text}"`);
          assert.ok(stream.frames.some(({ event }) => event.type === 'post-removed' && event.postId === hiddenId), 'the hidden reply is a tombstone');
          const replies = (await cast.clients[role ?? 'guest'].threads.get(threadId)).posts.filter((post) => post.kind !== 'question');
          // The mocks also send the question as post-created, the server only with thread-created.
          const shown = new Map([...shownPosts(stream.frames, threadId)].filter(([, post]) => post.kind !== 'question'));
          assert.deepEqual([...shown.keys()].sort(), replies.map((post) => post.id).sort());
          for (const post of replies) assert.equal(shown.get(post.id)?.bodyHtml, post.bodyHtml);
          assert.ok(shown.get(editedId)?.bodyHtml.includes(NEW_BODY) && shown.get(editedId)?.editedAt);
        } finally {
          stream.close();
        }
      });
    }
  });
}
