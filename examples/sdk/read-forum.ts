/**
 * Reads the forum with the typed SDK from Node: `npm start` in one terminal, then
 * `npx node examples/sdk/read-forum.ts [http://localhost:4173/api]`.
 */
import { createEntraideClient, EntraideError } from '../../src/sdk/index.ts';

const client = createEntraideClient({ baseUrl: process.argv[2] ?? process.env.ENTRAIDE_URL ?? 'http://localhost:4173/api' });

try {
  const community = await client.community.get({ locale: 'en' });
  console.log(`${community.name}: ${community.categories.length} categories`);
  const category = community.categories[0];
  if (category) {
    const { items } = await client.threads.list({ categoryId: category.id, limit: 3 });
    for (const thread of items) {
      const { posts } = await client.threads.get(thread.id);
      const first = posts[0]?.author;
      console.log(`- ${thread.title} (${thread.status}, ${posts.length} posts) asked by ${first?.pseudonym}, ${first?.rank.name}`);
    }
  }
} catch (error) {
  if (error instanceof EntraideError) console.error(`${error.code} (${error.status}): ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
