/** Who may use the advisor tools: the queue, experts, alerts, incidents, metrics. */
import { isStaff, type Actor } from './domain.ts';

/** The advisor queue: advisors work it, moderators watch the flags in it. */
export function canSeeAdvisorQueue(actor: Actor): boolean {
  return isStaff(actor.role);
}

/** Marking a thread advisor-now, expert suggestions and collective-problem alerts. */
export function canTriageThreads(actor: Actor): boolean {
  return actor.role === 'advisor';
}

/** Declaring an incident and posting its updates: the brand speaks, so advisors only. */
export function canManageIncidents(actor: Actor): boolean {
  return actor.role === 'advisor';
}

export function canSeeMetrics(actor: Actor): boolean {
  return isStaff(actor.role);
}
