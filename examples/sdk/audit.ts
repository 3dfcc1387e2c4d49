/**
 * `client.audit` (staff): every moderation act with who, what, when, why, before and after.
 * Run: `npm start`, then `npx node examples/sdk/audit.ts`.
 */
import { run, signIn } from './shared.ts';

await run(async () => {
  const { client } = await signIn('moderator');
  // Leave a trace first: setting the advisor signature is audited.
  const { advisorSignature } = await client.community.get();
  await client.community.setSignature(advisorSignature || 'The community is about sharing: please do not send private messages unless asked.');
  const page = await client.audit.list({ limit: 5 });
  for (const entry of page.items) console.log(`- ${entry.createdAt.slice(0, 16)} ${entry.actor?.pseudonym ?? '?'} ${entry.action} ${entry.targetType} ${entry.targetId}${entry.reason ? ` (${entry.reason})` : ''}`);
  console.log(`audit entries: ${page.items.length}, older ones: ${page.nextCursor ? 'yes' : 'no'}`);
});
