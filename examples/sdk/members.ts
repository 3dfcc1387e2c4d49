/**
 * `client.members` and `client.session`: who is signed in, and a member's public profile with
 * what the community credits them for. Run: `npm start`, then `npx node examples/sdk/members.ts`.
 */
import { guest, run, signIn } from './shared.ts';

await run(async () => {
  const { client, member } = await signIn('member');
  const session = await client.session.get();
  console.log(`signed in as ${session.member?.pseudonym}; a guest session is ${JSON.stringify((await guest.session.get()).member)}`);
  const profile = await guest.members.get(member.id);
  console.log(`${profile.pseudonym}: ${profile.rank.name} (level ${profile.rank.level}), ${profile.postCount} posts since ${profile.joinedAt.slice(0, 10)}`);
  console.log(`profile credits: ${profile.acceptedAnswers} accepted, ${profile.confirmedAnswers} confirmed by advisors, ${profile.kudosReceived} kudos`);
});
