/** The guardian's rules on workspace (see ../guardian.ts): the advisor workspace, weekly plans,
 * staff notes, expert nudges, notifications. Each exported function is one rule, whether a signed-in actor may. */
import { isAdvisor, isStaffActor, type SignedIn } from './common.ts';

/** Only advisors work to a weekly plan (study §11); moderators are volunteers or managers. */
export const keepWeeklyPlan = isAdvisor;
/** Advisors and moderators see who is on which category (the team view). */
export const seeTeamPlans = isStaffActor;
/** Staff notes are staff only: customers never see them, not even the asker. */
export const seeStaffNotes = isStaffActor;
export const writeStaffNotes = isStaffActor;
/** Nudging experts is the brand asking members for help: advisors only (study §26). */
export const nudgeExperts = isAdvisor;
/** Anyone signed in reads their own notifications. */
export const readNotifications = (_actor: SignedIn) => true;

/** Anyone signed in follows or mutes a thread or category they can read, and keeps their read positions. */
export const follow = (_actor: SignedIn) => true;
