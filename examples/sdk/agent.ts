/**
 * `client.agent` (advisors): the supervision queue by urgency, collective-problem alerts, and
 * the members who usually answer a thread's kind of question. Run: `npm start`, then
 * `npx node examples/sdk/agent.ts`.
 */
import { firstThread, run, signIn } from './shared.ts';

await run(async () => {
  const { client } = await signIn('advisor');
  const queue = await client.agent.queue({ limit: 5 });
  for (const item of queue.items) console.log(`- ${item.kind}: ${item.thread.title} (due ${item.dueAt.slice(0, 16)})`);
  const alerts = await client.agent.alerts({ threshold: 3, windowMinutes: 120 });
  const { thread } = await firstThread(client);
  const experts = await client.agent.experts({ threadId: thread.id, limit: 3 });
  console.log(`queue: ${queue.items.length} items, ${alerts.items.length} collective alerts, experts: ${experts.items.map((e) => e.member.pseudonym).join(', ') || 'none yet'}`);
});
