/**
 * The seed's texts are finished texts: no template placeholder such as "Bonjour @{asker}" or
 * "{plan2}" is left in any text column of the seeded demo community (issue 15: the FAQ
 * excerpts showed them). Every text and JSON column of every table is read, so a new
 * generator that forgets to fill its template fails here too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/domain/pglite.ts';
import type { Database } from '../../src/domain/database.ts';
import { seedDemoCommunity } from '../../src/domain/seed/index.ts';
import { faqText } from '../../src/domain/seed/faq.ts';

const PLACEHOLDER = String.raw`\{[A-Za-z0-9_]+\}`;
let db: Database;

before(async () => {
  db = await openPglite({});
  await migrate(db);
  await seedDemoCommunity(db, { now: new Date('2026-03-02T10:00:00Z') });
});
after(() => db.close());

describe('the seeded demo community', { timeout: 300_000 }, () => {
  it('has no `{placeholder}` left in any text column', async () => {
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type in ('text', 'character varying', 'jsonb', 'json')`,
    );
    assert.ok(columns.some((c) => c.table_name === 'faq_articles' && c.column_name === 'body_md'), 'the FAQ bodies are read');
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await db.query<{ text: string }>(`select "${column}"::text as text from "${table}" where "${column}"::text ~ $1 limit 3`, [PLACEHOLDER]);
      for (const row of rows) found.push(`${table}.${column}: ${row.text.slice(0, 120)}`);
    }
    assert.deepEqual(found, []);
  });

  it('has an FAQ article for readers, not a reply to one asker', async () => {
    const articles = await db.query<{ body_md: string }>(`select body_md from faq_articles`);
    assert.ok(articles.length > 10);
    for (const { body_md: body } of articles) assert.doesNotMatch(body, /@\{?asker|^(Bonjour|Hi) /m);
  });
});

describe('faqText (a member’s answer made article text)', () => {
  it('drops the greeting to the asker and fills every value', () => {
    assert.equal(faqText('Bonjour @{asker}, choisis le {plan2} et valide.', 'fr', 'changer-de-forfait'), 'Choisis le Volta 20 Go et valide.');
    assert.equal(faqText('Hi @{asker},\n\nPick {plan2}.', 'en', 'x'), 'Pick Volta 20 Go.');
    assert.equal(faqText('Voir {faq}, merci @{asker}.', 'fr', 'sim'), 'Voir https://volta.example/faq/sim, merci');
  });
});
