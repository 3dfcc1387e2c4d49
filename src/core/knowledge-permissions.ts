/** Who may write the FAQ base: advisors feed it, moderators keep it tidy (study §11, §20). */
import type { Actor } from './domain.ts';

export function canWriteFaq(actor: Actor): boolean {
  return actor.role === 'advisor' || actor.role === 'moderator';
}
