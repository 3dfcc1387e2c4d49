/** The guardian's rules on knowledge (see ../guardian.ts): each exported function is one rule, whether a signed-in actor may. */
import { isStaffActor } from './common.ts';

/** The FAQ base: advisors feed it, moderators keep it tidy (study §11, §20). */
export const writeFaq = isStaffActor;

