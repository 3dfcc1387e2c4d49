/** The guardian's rules on moderation (see ../guardian.ts): each exported function is one rule, whether a signed-in actor may. */
import { isModerator, isStaffActor, type SignedIn } from './common.ts';

/** Close, reopen, archive, move, merge, hide, restore: advisors and moderators. */
export const moderate = isStaffActor;
export const readAudit = isStaffActor;
/** Staff, or a member a moderator explicitly trusted with the flag queue. */
export const reviewFlags = (actor: SignedIn, powers: readonly string[]) => isStaffActor(actor) || powers.includes('review-flags');
export const grantPowers = isModerator;

