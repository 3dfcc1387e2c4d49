/**
 * `client.faq`: search the FAQ base, read an article, and the suggestions shown while a
 * question is typed (deflection). Advisors write articles. Run: `npm start`, then
 * `npx node examples/sdk/faq.ts`.
 */
import { guest, run, signIn, stamp } from './shared.ts';

await run(async () => {
  let { items } = await guest.faq.search({ limit: 5 });
  if (items.length === 0) {
    // An empty base (a fresh test community): an advisor writes the first article.
    const { client } = await signIn('advisor');
    await client.faq.create({ slug: `check-data-usage-${stamp()}`, locale: 'en', title: 'Check your data usage', bodyMd: 'Open **My account**, then *Usage*.' });
    ({ items } = await guest.faq.search({ limit: 5 }));
  }
  for (const hit of items) console.log(`- ${hit.title} (${hit.locale}, /${hit.slug})`);
  const article = await guest.faq.get(items[0]!.slug);
  console.log(`article "${article.title}" updated ${article.updatedAt.slice(0, 10)}`);
  const word = article.title.split(/\s+/).find((w) => w.length > 4) ?? article.title;
  const suggestions = await guest.faq.suggest({ text: word });
  console.log(`faq articles: ${items.length}; typing "${word}" suggests ${suggestions.articles.length} articles and ${suggestions.threads.length} solved threads`);
});
