/** The guardian's rules on staff (see ../guardian.ts): the advisor tools, the queue, experts, alerts,
 * incidents, metrics, the signature. Each exported function is one rule, whether a signed-in actor may. */
import { isAdvisor, isStaffActor, type SignedIn } from './common.ts';

/** The advisor queue: advisors work it, moderators watch the flags in it. */
export const seeAdvisorQueue = isStaffActor;
/** Marking a thread advisor-now, expert suggestions and collective-problem alerts. */
export const triageThreads = isAdvisor;
/** Declaring an incident and posting its updates: the brand speaks, so advisors only. */
export const manageIncidents = isAdvisor;
/** Dismissing an incident's banner for good (until its next update): any signed-in reader; guests keep theirs in the browser. */
export const dismissIncidents = (_actor: SignedIn) => true;
export const seeMetrics = isStaffActor;
/** The advisor signature speaks for the brand: advisors and moderators edit it. */
export const editSignature = isStaffActor;

