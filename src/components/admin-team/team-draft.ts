/**
 * One person of the team as the form holds them: the team picked (none, an existing one, or a
 * new one being typed) and the categories of expertise ticked. Only what changed is sent, so an
 * untouched field never overwrites another admin's change.
 */

/** The contract's types, as the SDK's methods take and answer them (elements reach the contract through the SDK only). */
import type { TeamMember, TeamMemberChange } from '../../sdk/types.ts';
export type { TeamList, TeamMember, TeamMemberChange } from '../../sdk/types.ts';

/** The team select's value: no team, one of the teams in use, or a new one typed beside it. */
export type TeamChoice = { kind: 'none' } | { kind: 'existing'; name: string } | { kind: 'new' };

export interface PersonDraft {
  team: TeamChoice;
  newTeam: string;
  expertise: number[];
}

/** The contract's limit on a team's name. */
export const TEAM_NAME_MAX = 40;

export function toDraft(person: TeamMember): PersonDraft {
  return { team: person.member.team === null ? { kind: 'none' } : { kind: 'existing', name: person.member.team }, newTeam: '', expertise: [...person.expertiseCategoryIds] };
}

/** `<select>` values for each choice, and back. */
export function choiceValue(choice: TeamChoice): string {
  return choice.kind === 'existing' ? `team:${choice.name}` : choice.kind;
}

export function choiceOf(value: string): TeamChoice {
  if (value.startsWith('team:')) return { kind: 'existing', name: value.slice('team:'.length) };
  return value === 'new' ? { kind: 'new' } : { kind: 'none' };
}

/** The team the draft names: null for none, the typed name (trimmed) for a new one. */
export function draftTeam(draft: PersonDraft): string | null {
  if (draft.team.kind === 'none') return null;
  return draft.team.kind === 'existing' ? draft.team.name : draft.newTeam.trim();
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort((x, y) => x - y).join() === [...b].sort((x, y) => x - y).join();

/** What changed from `person` as saved; empty when nothing did. */
export function changeOf(person: TeamMember, draft: PersonDraft): TeamMemberChange {
  const change: TeamMemberChange = {};
  const team = draftTeam(draft);
  if (team !== person.member.team) change.team = team;
  if (!sameIds(draft.expertise, person.expertiseCategoryIds)) change.expertiseCategoryIds = [...draft.expertise].sort((x, y) => x - y);
  return change;
}
