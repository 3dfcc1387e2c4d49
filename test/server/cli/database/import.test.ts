/**
 * `entraide-server import` on a real database (PGlite, or PostgreSQL in a parity run): the
 * example file imports, a second run changes nothing, an edited file updates what changed, a bad
 * file is refused with each problem named by its field, and the server then serves what was imported.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { EXAMPLE_COMMUNITY, freshBackend, runCli, serve, type Backend } from '../../../helpers/cli.ts';

let backend: Backend;
const files = mkdtempSync(join(tmpdir(), 'entraide-import-files-'));
before(async () => {
  backend = await freshBackend();
});
after(async () => {
  await backend.drop();
  rmSync(files, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain JSON, broken on purpose by the tests
const example = () => JSON.parse(readFileSync(EXAMPLE_COMMUNITY, 'utf8')) as Record<string, any>;
function fileWith(name: string, content: unknown): string {
  const path = join(files, `${name}.json`);
  writeFileSync(path, JSON.stringify(content));
  return path;
}
const tallies = (stdout: string) => [...stdout.matchAll(/^ {2}(categories|FAQ articles): (\d+) created, (\d+) updated, (\d+) unchanged$/gm)].map((m) => m.slice(1).join(' '));

describe('entraide-server import', { timeout: 300_000 }, () => {
  it('checks a file without a database', async () => {
    const { code, stdout } = await runCli(['import', EXAMPLE_COMMUNITY, '--check'], backend.env);
    assert.equal(code, 0);
    assert.match(stdout, /is a valid community file: "lumen", 4 categories, 4 FAQ articles/);
  });

  it('imports the example, and a second run changes nothing', async () => {
    const first = await runCli(['import', EXAMPLE_COMMUNITY], backend.env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Applied 001_init\.sql/, 'pending migrations first');
    assert.match(first.stdout, /Imported community "lumen" \(created\)/);
    assert.deepEqual(tallies(first.stdout), ['categories 4 0 0', 'FAQ articles 4 0 0']);
    const second = await runCli(['import', EXAMPLE_COMMUNITY], backend.env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Imported community "lumen" \(unchanged\)/);
    assert.deepEqual(tallies(second.stdout), ['categories 0 0 4', 'FAQ articles 0 0 4']);
  });

  it('updates what an edited file changed and keeps what it left out', async () => {
    const edited = example();
    edited.categories[3].holdbackMinutes = 45;
    // The meter category and its articles are left out: they stay as they are.
    edited.categories.splice(1, 1);
    edited.faq.splice(2, 2);
    edited.faq[0].title = 'Comment lire ma facture, ligne par ligne ?';
    edited.faq.push({ slug: 'mensualisation', locale: 'en', category: 'facturation', title: 'Monthly instalments', bodyMd: 'Spread your yearly bill over **ten** months.' });
    const { code, stdout, stderr } = await runCli(['import', fileWith('edited', edited)], backend.env);
    assert.equal(code, 0, stderr);
    // Positions follow the file: the two categories after the one left out moved up.
    assert.deepEqual(tallies(stdout), ['categories 0 2 1', 'FAQ articles 1 1 1']);
  });

  it('refuses a bad file as a whole, naming every bad field', async () => {
    const bad = example();
    bad.name = 'Lumen Énergie renamed';
    bad.categories[1].slug = 'Not A Slug';
    bad.categories[2].holdbackMinutes = -1;
    bad.categories[3].colour = 'blue';
    bad.faq[1].locale = 'de';
    bad.faq[2].category = 'nowhere';
    const { code, stderr } = await runCli(['import', fileWith('bad', bad)], backend.env);
    assert.equal(code, 1);
    for (const problem of [
      /categories\[1\]\.slug: must be lowercase letters and digits/,
      /categories\[2\]\.holdbackMinutes: must be >= 0/,
      /categories\[3\]\.colour: unknown field/,
      /faq\[1\]\.locale: must be one of fr, en/,
    ]) assert.match(stderr, problem);
    const again = await runCli(['import', EXAMPLE_COMMUNITY, '--check'], backend.env);
    assert.equal(again.code, 0);
    // What the schema cannot say is checked once the shapes are right.
    const crossChecked = example();
    delete crossChecked.categories[0].name.en;
    crossChecked.faq[2].category = 'nowhere';
    crossChecked.defaultLocale = 'en';
    crossChecked.locales = ['fr'];
    const refused = await runCli(['import', fileWith('cross', crossChecked)], backend.env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /defaultLocale: "en" is not in locales \(fr\)/);
    assert.match(refused.stderr, /faq\[2\]\.category: no category "nowhere" in this file/);
    assert.match(refused.stderr, /faq\[1\]\.locale: "en" is not in locales \(fr\)/);
    crossChecked.locales = ['fr', 'en'];
    const oneLabel = await runCli(['import', fileWith('label', crossChecked)], backend.env);
    assert.match(oneLabel.stderr, /categories\[0\]\.name\.en: missing \(the community's locales are fr, en\)/);
  });

  it('says clearly when the file is missing or not JSON', async () => {
    const missing = await runCli(['import', '/nonexistent/community.json'], backend.env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read \/nonexistent\/community\.json: no such file/);
    const path = join(files, 'broken.json');
    writeFileSync(path, '{ "slug": "lumen",');
    const broken = await runCli(['import', path], backend.env);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /is not valid JSON/);
  });

  it('is what the server then serves (ENTRAIDE_COMMUNITY names it)', async () => {
    const server = await serve({ ...backend.env, ENTRAIDE_COMMUNITY: 'lumen' });
    try {
      const community = (await (await fetch(`${server.url}/api/community?locale=en`)).json()) as { name: string; locale: string; locales: string[]; advisorSignature: string; categories: Array<{ slug: string; name: string }> };
      assert.equal(community.name, 'Lumen Énergie', 'the bad file changed nothing');
      assert.deepEqual([community.locale, community.locales], ['fr', ['fr', 'en']]);
      assert.match(community.advisorSignature, /^La communauté, c'est le partage/);
      // The category left out of the edited file kept its place (2), beside the one that moved up to it.
      assert.deepEqual(community.categories.map((c) => [c.slug, c.name]), [
        ['facturation', 'Bills and payment'], ['compteur', 'Meter and readings'], ['demenagement', 'Moving house'], ['coupures', 'Power cuts and incidents'],
      ]);
      const article = (await (await fetch(`${server.url}/api/faq/mensualisation?locale=en`)).json()) as { title: string; bodyHtml: string };
      assert.equal(article.title, 'Monthly instalments');
      assert.match(article.bodyHtml, /<strong>ten<\/strong>/);
    } finally {
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
    }
    const unknown = await serve({ ...backend.env, ENTRAIDE_COMMUNITY: 'nobody' }).catch((error: Error) => error);
    assert.ok(unknown instanceof Error);
    assert.match(unknown.message, /No community "nobody" in this database: import it first/);
  });
});
