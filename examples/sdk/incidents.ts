/**
 * `client.incidents`: the public banners of collective problems; advisors declare, update and
 * resolve them. Run: `npm start`, then `npx node examples/sdk/incidents.ts`.
 */
import { firstThread, guest, run, signIn } from './shared.ts';

await run(async () => {
  const { client } = await signIn('advisor');
  const { category, thread } = await firstThread();
  const incident = await client.incidents.create({
    title: 'Mobile data outage', bannerText: 'Mobile data is down in Rennes: our teams are on it.', categoryId: category.id, region: 'Rennes', threadIds: [thread.id],
  });
  console.log(`declared incident ${incident.id}: ${incident.status}, active ${incident.active}`);
  const active = await guest.incidents.list({ active: true });
  console.log(`${active.items.length} active banner(s) for customers`);
  const resolved = await client.incidents.update(incident.id, { status: 'resolved', text: 'Service is back to normal.' });
  console.log(`incident ${resolved.status} after ${resolved.updates.length} update(s)`);
});
