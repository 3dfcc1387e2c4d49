/**
 * `client.community` and `client.categories`: the community's name and its categories.
 * Run: `npm start`, then `npx node examples/sdk/community.ts`.
 */
import { EntraideError } from '../../src/sdk/index.ts';
import { guest, run } from './shared.ts';

await run(async () => {
  const community = await guest.community.get({ locale: 'en' });
  console.log(`${community.name} (${community.locale}), demo mode: ${community.demo}`);
  const categories = await guest.categories.list({ locale: 'en' });
  for (const category of categories) console.log(`- ${category.name}: ${category.threadCount} threads, ${category.postCount} posts`);
  const first = await guest.categories.get(categories[0]!.id, { locale: 'fr' });
  console.log(`in French the first category is "${first.name}"`);
  try {
    await guest.categories.get(999_999);
  } catch (error) {
    // One error class for everything: switch on `code`, never on the message.
    if (error instanceof EntraideError && error.code === 'not_found') console.log(`categories: ${categories.length}, unknown id answers ${error.code}`);
    else throw error;
  }
});
