/**
 * The daily digest follows the community's time zone (issue 15, item 10), against a real SMTP
 * server the test starts: across a UTC midnight that is not Paris midnight, the digest's day is
 * Paris's, its subject names that day and each line's time is Paris's, in the member's language;
 * the admin's zone setting moves the day. An incident's line speaks the member's language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { signToken } from '../../../src/server/auth.ts';
import { drainEmail, type EmailSender } from '../../../src/server/email-drainer.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.ts';

const silent = { warn: () => undefined, error: () => undefined, info: () => undefined };
let server: TestServer;
let smtp: TestSmtp;
const tokens = { helper: '', other: '', admin: '' };

function sender(): EmailSender {
  return {
    db: server.db, community: server.community, log: silent,
    options: { smtpUrl: smtp.url, from: 'Forum <forum@brand.example>', delaySeconds: 0, publicUrl: 'https://forum.brand.example', forumUrl: 'https://brand.example/aide#{path}', retryBaseMs: 10 },
  };
}

async function api(who: keyof typeof tokens, method: 'GET' | 'PATCH', url: string, payload?: Record<string, unknown>) {
  const response = await server.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload && { payload }) });
  assert.equal(response.statusCode, 200, response.body);
  return response;
}

async function notify(memberId: number, at: string, about: { kind?: string; incidentId?: number } = {}): Promise<number> {
  const { threadId, members } = server.fixtures;
  const [row] = await server.db.query<{ id: number }>(
    `insert into notifications (member_id, kind, thread_id, incident_id, actor_id, created_at) values ($1, $2, $3, $4, $5, $6) returning id`,
    [memberId, about.kind ?? 'reply', about.incidentId ? null : threadId, about.incidentId ?? null, about.incidentId ? null : members.asker.id, at],
  );
  return row!.id;
}

const emailed = async (id: number) => (await server.db.query<{ at: Date | null }>('select emailed_at as at from notifications where id = $1', [id]))[0]!.at !== null;

/** Drains at `now`, then every message that arrived (none expected when `count` is 0). */
async function drainAt(now: string, count: number): Promise<ParsedMail[]> {
  await drainEmail(sender(), new Date(now));
  if (count > 0) await smtp.waitFor(count);
  await new Promise((resolve) => setTimeout(resolve, 150));
  return smtp.received.splice(0);
}

before(async () => {
  smtp = await startTestSmtp();
  server = await createTestServer();
  const { members } = server.fixtures;
  for (const who of ['helper', 'other', 'admin'] as const) {
    const member = members[who];
    tokens[who] = (await signToken(TEST_SECRET, { sub: member.externalId, name: member.pseudonym, role: member.role, email: `${who}@example.com` })).token;
  }
  await api('helper', 'PATCH', '/api/me/preferences', { emailMode: 'daily' });
  await api('other', 'PATCH', '/api/me/preferences', { emailMode: 'daily', locale: 'en' });
});
after(async () => {
  await server.close();
  await smtp.close();
});

describe('the daily digest in the community’s time zone', { timeout: 600_000 }, () => {
  const { helper, other } = { helper: () => server.fixtures.members.helper.id, other: () => server.fixtures.members.other.id };
  let lateSunday = 0;
  let earlyMonday = 0;

  it('sends Sunday’s digest just after Paris midnight, while it is still Sunday in UTC, dated in Paris time and in French', async () => {
    lateSunday = await notify(helper(), '2026-12-06T22:30:00Z'); // 23:30 on Sunday in Paris
    earlyMonday = await notify(helper(), '2026-12-06T23:15:00Z'); // 00:15 on Monday in Paris, still Sunday in UTC
    assert.equal((await drainAt('2026-12-06T22:50:00Z', 0)).length, 0, 'Sunday is not over in Paris');
    const [digest] = await drainAt('2026-12-06T23:40:00Z', 1);
    assert.equal(digest!.subject, 'Test Mobile : votre résumé du dimanche 6 décembre (1 notification)');
    assert.match(digest!.text!, /\(6 déc\. 2026, 23:30\)/);
    assert.match(digest!.html as string, /\(6 déc\. 2026, 23:30\)/);
    assert.equal(await emailed(lateSunday), true);
    assert.equal(await emailed(earlyMonday), false, 'Monday’s notification waits for Monday’s digest');
  });

  it('writes an English member’s digest in English, on the same Paris clock, with the incident’s English title', async () => {
    const [incident] = await server.db.query<{ id: number }>(
      `insert into incidents (community_id, title, banner_text, translations, created_by) values ($1, 'Panne réseau', 'Réseau coupé.', $2::jsonb, $3) returning id`,
      [server.community.id, JSON.stringify({ en: { title: 'Network outage', bannerText: 'Network down.' } }), server.fixtures.members.advisor.id],
    );
    await notify(other(), '2026-12-06T22:45:00Z', { kind: 'incident', incidentId: incident!.id });
    const [digest] = await drainAt('2026-12-06T23:45:00Z', 1);
    assert.equal(digest!.subject, 'Test Mobile: your summary for Sunday 6 December (1 notification)');
    assert.match(digest!.text!, /Incident: Network outage \(6 Dec 2026, 23:45\)/);
  });

  it('moves the day with the admin’s zone: New York’s Sunday ends five hours after UTC’s', async () => {
    await api('admin', 'PATCH', '/api/admin/community', { timeZone: 'America/New_York' });
    assert.equal((await drainAt('2026-12-07T04:30:00Z', 0)).length, 0, 'still Sunday evening in New York');
    const [digest] = await drainAt('2026-12-07T05:30:00Z', 1);
    assert.equal(digest!.subject, 'Test Mobile : votre résumé du dimanche 6 décembre (1 notification)');
    assert.match(digest!.text!, /\(6 déc\. 2026, 18:15\)/, 'the time of day in New York');
    assert.equal(await emailed(earlyMonday), true);
    await api('admin', 'PATCH', '/api/admin/community', { timeZone: 'Europe/Paris' });
  });
});
