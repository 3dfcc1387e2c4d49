/**
 * The demo's workspace (study §11): a weekly plan for each of the two advisors, each team on
 * its own categories, and one staff note on the study's Example thread where an advisor tells
 * colleagues what she learnt from the case. Deterministic for a given `now`.
 */
import type { Queryable } from '../database.ts';
import { renderMarkdown } from '../markdown.ts';
import { CHANGE_PLAN_TITLE } from './example.ts';

interface SeedSlot {
  weekdays: readonly number[];
  start: string;
  end: string;
  categories: readonly string[];
}

const WORKDAYS = [0, 1, 2, 3, 4];

/** By advisor pseudonym: slots in the community's local time (Europe/Paris), categories by slug. */
export const DEMO_WEEKLY_PLANS: Readonly<Record<string, readonly SeedSlot[]>> = {
  'Julie-Volta': [
    { weekdays: WORKDAYS, start: '09:00', end: '12:30', categories: ['activation-forfait', 'facturation'] },
    { weekdays: WORKDAYS, start: '13:30', end: '17:30', categories: ['portabilite', 'international-roaming', 'offres-options'] },
    { weekdays: [5], start: '10:00', end: '13:00', categories: ['activation-forfait', 'facturation', 'offres-options'] },
  ],
  'Karim-Volta': [
    { weekdays: WORKDAYS, start: '08:30', end: '12:00', categories: ['reseau', 'assistance-technique'] },
    { weekdays: WORKDAYS, start: '13:00', end: '18:00', categories: ['telephones-mobiles', 'assistance-technique'] },
    { weekdays: [5], start: '14:00', end: '18:00', categories: ['reseau'] },
  ],
};

export const EXAMPLE_STAFF_NOTE = [
  "Note pour l'équipe : troisième question cette semaine sur le changement de forfait en cours de mois.",
  "Les deux réponses de la communauté étaient justes : j'ai confirmé et crédité. J'ai demandé que la FAQ « Changer de forfait » précise le calcul au prorata.",
].join(' ');

const minutes = (clock: string) => {
  const [hours = 0, mins = 0] = clock.split(':').map(Number);
  return hours * 60 + mins;
};

async function seedPlan(tx: Queryable, communityId: number, pseudonym: string, slots: readonly SeedSlot[]): Promise<void> {
  const [advisor] = await tx.query<{ id: number }>(`select id from members where community_id = $1 and pseudonym = $2 and role = 'advisor'`, [communityId, pseudonym]);
  if (!advisor) return;
  for (const slot of slots) {
    for (const weekday of slot.weekdays) {
      const [row] = await tx.query<{ id: number }>(
        'insert into weekly_plan_slots (member_id, weekday, start_minute, end_minute) values ($1, $2, $3, $4) returning id',
        [advisor.id, weekday, minutes(slot.start), minutes(slot.end)],
      );
      await tx.query(
        'insert into weekly_plan_slot_categories (slot_id, category_id) select $1, id from categories where community_id = $2 and slug = any($3::text[])',
        [row!.id, communityId, slot.categories],
      );
    }
  }
}

async function seedExampleNote(tx: Queryable, communityId: number, now: Date): Promise<void> {
  // Ten minutes after the thread's last post (never in the future), by the advisor who confirmed it.
  await tx.query(
    `insert into staff_notes (thread_id, author_id, body_md, body_html, created_at)
     select t.id, a.id, $3, $4, least(t.last_post_at + interval '10 minutes', $5)
     from threads t join categories c on c.id = t.category_id
     join members a on a.community_id = $1 and a.pseudonym = 'Julie-Volta'
     where c.community_id = $1 and c.slug = 'activation-forfait' and t.title = $2
     order by t.id limit 1`,
    [communityId, CHANGE_PLAN_TITLE, EXAMPLE_STAFF_NOTE, renderMarkdown(EXAMPLE_STAFF_NOTE), now],
  );
}

export async function seedWorkspace(tx: Queryable, communityId: number, now: Date): Promise<void> {
  for (const [pseudonym, slots] of Object.entries(DEMO_WEEKLY_PLANS)) await seedPlan(tx, communityId, pseudonym, slots);
  await seedExampleNote(tx, communityId, now);
}
