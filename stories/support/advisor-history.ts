/**
 * The advisor tools' stories share one setup: what happened on a thread before the story opens,
 * done through the SDK like anyone would, then the thread as it stands.
 */
import type { ThreadSummary } from '../../src/contract/models.ts';
import { DEMO_PEOPLE } from '../../src/mocks/index.ts';
import type { DemoThreadName } from './demo.ts';
import type { EntraideStoryParameters, StorySetupContext } from './mock-api.ts';

/** What happened on the thread: nothing, a private conversation, moderation, a flag, or hostile text everywhere. */
export type ThreadHistory = 'none' | 'private' | 'audit' | 'flags' | 'xss' | 'notes';

export interface AdvisorStoryArgs {
  /** Thread of the demo community (trace: an open billing question; closed: a closed one). */
  thread: Extract<DemoThreadName, 'trace' | 'closed'>;
  history: ThreadHistory;
}

export const XSS = '<img src=x onerror="alert(1)"><script>alert(1)</script>';

/** Writes the story's history, then reads the thread as it stands (before any latency or failure). */
export async function prepareThread({ demo, as }: StorySetupContext, { history, thread }: AdvisorStoryArgs): Promise<ThreadSummary> {
  const threadId = demo.threads[thread];
  const advisor = await as(DEMO_PEOPLE.technicalAdvisor);
  const moderator = await as(DEMO_PEOPLE.moderator);
  if (history === 'private') {
    const { conversation } = await advisor.private.open(threadId, { message: 'Bonjour, pouvez-vous me donner la référence du prélèvement ?' });
    await (await as(demo.askers[thread])).private.send(conversation.id, 'Oui : PRLV-2026-11-0042.');
  }
  if (history === 'audit') {
    await moderator.threads.close(threadId, { reason: 'Doublon d’une autre discussion' });
    await moderator.threads.reopen(threadId, { reason: 'Pas un doublon finalement' });
    await advisor.threads.move(threadId, { categoryId: demo.categories['activation-forfait']!, reason: 'Question de forfait' });
  }
  if (history === 'flags' || history === 'xss') {
    const { posts } = await advisor.threads.get(threadId);
    const reply = posts.find((post) => post.kind === 'reply')!;
    await (await as(DEMO_PEOPLE.englishMember)).posts.flag(reply.id, { reason: 'spam', note: history === 'xss' ? XSS : 'Publicité déguisée' });
  }
  if (history === 'notes') {
    await advisor.threads.addNote(threadId, 'Client rappelé le 3 : prélèvement en double confirmé, remboursement demandé au back-office.');
    await moderator.threads.addNote(threadId, 'À surveiller : deuxième fil du même client ce mois-ci.');
  }
  if (history === 'xss') {
    await moderator.threads.close(threadId, { reason: XSS });
    await advisor.threads.addNote(threadId, `Note ${XSS}`);
  }
  return (await advisor.threads.get(threadId)).thread;
}

/** The advisor panels' story parameters: signed in as `signedInAs`, the thread prepared by the story's args. */
export function threadHistoryParameters(signedInAs?: string): { entraide: EntraideStoryParameters } {
  return { entraide: { ...(signedInAs ? { signedInAs } : {}), setup: (setup, args) => prepareThread(setup, args as unknown as AdvisorStoryArgs) } };
}
