import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideFollow } from '../../src/components/follow/follow.ts';
import '../../src/components/follow/follow.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, type MockMember } from './helpers.ts';

const part = (element: EntraideFollow, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

describe('<entraide-follow>', () => {
  it('renders nothing for guests', async () => {
    await mockForum();
    const element = await mount<EntraideFollow>(html`<entraide-follow target="category" target-id="1"></entraide-follow>`, { locale: 'fr' });
    expect(part(element, 'follow')).to.equal(null);
  });

  it('follows, mutes and clears a category, saved on the server (fr)', async () => {
    const forum = await mockForum();
    const member = await forum.member(DEMO_PEOPLE.secondHelper);
    const categoryId = (await clientOf(member).community.get()).categories[0]!.id;
    const element = await mount<EntraideFollow>(html`<entraide-follow target="category" target-id=${categoryId}></entraide-follow>`, { locale: 'fr', as: member });
    await waitUntil(() => part(element, 'follow'), 'no buttons');
    expect(part(element, 'follow')!.textContent.trim()).to.equal('Suivre');
    expect(part(element, 'follow')!.getAttribute('aria-pressed')).to.equal('false');
    await expectAccessible(element);

    part(element, 'follow')!.click();
    await waitUntil(async () => (await clientOf(member).following.categoryState(categoryId)).level === 'following', 'never saved');
    expect(part(element, 'follow')!.getAttribute('aria-pressed')).to.equal('true');
    part(element, 'mute')!.click();
    await waitUntil(async () => (await clientOf(member).following.categoryState(categoryId)).level === 'muted', 'mute never saved');
    expect(part(element, 'mute')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(element, 'follow')!.getAttribute('aria-pressed')).to.equal('false');
    part(element, 'mute')!.click();
    await waitUntil(async () => (await clientOf(member).following.categoryState(categoryId)).level === null, 'clear never saved');
    await expectAccessible(element);
  });

  it('records how far a member read a thread (en)', async () => {
    const forum = await mockForum();
    const asker = await forum.member(DEMO_PEOPLE.asker);
    const categoryId = (await clientOf(asker).community.get()).categories[0]!.id;
    const { thread } = await clientOf(asker).threads.create({ categoryId, title: 'My line drops every evening', body: 'Hello everyone, any idea?' });
    const reply = await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).posts.reply(thread.id, { body: 'Try another SIM slot, it often helps.' });
    expect((await clientOf(asker).following.reading(thread.id)).unreadCount).to.equal(1);
    const element = await mount<EntraideFollow>(html`<entraide-follow target-id=${thread.id} read-up-to=${reply.id}></entraide-follow>`, { locale: 'en', as: asker });
    await waitUntil(() => part(element, 'follow')?.getAttribute('aria-pressed') === 'true', 'the asker follows their thread');
    expect(part(element, 'mute')!.textContent.trim()).to.equal('Mute');
    await waitUntil(async () => (await clientOf(asker).following.reading(thread.id)).unreadCount === 0, 'the read position never moved', { timeout: 5000 });
    await expectAccessible(element);
  });
});
