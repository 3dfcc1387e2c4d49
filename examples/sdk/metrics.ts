/**
 * `client.metrics` (advisors and moderators): how much of the answering the community does.
 * Run: `npm start`, then `npx node examples/sdk/metrics.ts`.
 */
import { run, signIn } from './shared.ts';

const percent = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 100)} %`);

await run(async () => {
  const { client } = await signIn('advisor');
  const to = new Date();
  const from = new Date(to.getTime() - 90 * 86_400_000);
  const metrics = await client.metrics.get({ from: from.toISOString(), to: to.toISOString() });
  console.log(`${metrics.threads} threads, ${metrics.solved} solved (${percent(metrics.solvedRate)})`);
  console.log(`community share of first answers: ${percent(metrics.firstAnswers.memberShare)}; of accepted answers: ${percent(metrics.acceptedAnswers.memberShare)}`);
  for (const row of metrics.advisors) console.log(`- ${row.advisor.pseudonym}: ${row.posts} posts, ${row.assisted} assisted`);
});
