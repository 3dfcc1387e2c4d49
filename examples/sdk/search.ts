/**
 * `client.search`: forum search with filters; `titleHtml` and `snippetHtml` are escaped HTML
 * whose only tag is `<mark>`. Run: `npm start`, then `npx node examples/sdk/search.ts [words]`.
 */
import { firstThread, guest, run } from './shared.ts';

await run(async () => {
  const { thread } = await firstThread();
  const q = process.argv[2] ?? thread.title.split(/\s+/).filter((word) => word.length > 3).slice(0, 2).join(' ');
  const page = await guest.search.forum({ q, limit: 5 });
  for (const hit of page.items) console.log(`- ${hit.titleHtml} — ${hit.snippetHtml.slice(0, 80)}`);
  const solved = await guest.search.forum({ q, solved: true, limit: 5 });
  console.log(`search "${q}": ${page.items.length} hits, ${solved.items.length} solved, more: ${page.nextCursor !== null}`);
});
