/** The guardian's rules on the community's administration (see ../guardian.ts): its settings,
 * categories, ranks, webhooks and team. Admins only: these change what every member sees. */
import { isAdmin } from './common.ts';

/** The community's name, locales, categories, ranks, signature, jargon and detection thresholds. */
export const administer = isAdmin;
/** Webhooks: where the forum's events go, their secrets and their delivery log. */
export const manageWebhooks = isAdmin;
/** The team: advisors' teams and categories of expertise. */
export const manageTeam = isAdmin;
