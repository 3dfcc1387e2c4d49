/**
 * The rendered pages' head (src/server/pages/head.ts) and the text it is made of
 * (src/server/pages/text.ts). Hostile titles are checked twice: in the string, and as Chromium
 * parses the page (one `<title>`, the exact text back, no script run).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { DESCRIPTION_MAX, describeHtml, escapeHtml, renderHead, type HeadInput } from '../../../src/server/pages/head.ts';
import { qaPageJsonLd } from '../../../src/server/pages/json-ld.ts';
import { cutAtWord, decodeEntities, htmlToText } from '../../../src/server/pages/text.ts';

const HOSTILE = `Box & "fibre" </title><script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> 'ok'`;
const URL_ = 'https://www.brand.fr/aide/communaute/t/7-box-fibre';

const input = (extra: Partial<HeadInput> = {}): HeadInput => ({
  title: 'Ma box ne synchronise plus — Mercure',
  description: 'Depuis lundi ma box clignote en orange et ne se synchronise plus.',
  canonical: URL_,
  og: { type: 'article', siteName: 'Mercure' },
  lang: 'fr',
  ...extra,
});

describe('text of a post', () => {
  it('drops every tag, keeps one line a block, decodes entities once', () => {
    assert.equal(htmlToText('<h2>Titre</h2><p>Un <a href="https://x.fr">lien</a> &amp; <em>du</em> texte</p><pre><code>a &lt;b&gt;</code></pre><ul><li>un</li><li>deux</li></ul>'),
      'Titre\nUn lien & du texte\na <b>\nun\ndeux');
    assert.equal(htmlToText('<p>avant<script>alert(1)</script><style>p{}</style> après</p>'), 'avant après', 'script and style bodies are dropped');
    assert.equal(decodeEntities('&amp;lt; &#233;t&#xE9; &quot;&apos;&#39; &unknown; &#0; &#xD800;'), '&lt; été "\'\' &unknown; &#0; &#xD800;');
    assert.equal(htmlToText(''), '');
  });

  it('cuts at a word boundary, within the limit, with an ellipsis', () => {
    assert.equal(cutAtWord('  court   texte ', 155), 'court texte');
    assert.equal(cutAtWord('un deux trois quatre', 12), 'un deux…');
    assert.equal(cutAtWord('un deux, trois', 9), 'un deux…', 'no dangling punctuation');
    assert.equal(cutAtWord('un deux trois', 8), 'un deux…', 'a cut that falls between words keeps the word before');
    assert.equal(cutAtWord('anticonstitutionnellement', 10), 'anticonst…', 'a single long word is cut inside');
    assert.equal(cutAtWord('é😀é😀é😀é😀', 4), 'é😀é…', 'code points, never half a surrogate pair');
    const long = describeHtml(`<p>${'mot '.repeat(100)}</p>`);
    assert.ok(Array.from(long).length <= DESCRIPTION_MAX && long.endsWith('mot…'), long);
  });
});

describe('renderHead', () => {
  it('writes title, description, canonical, alternates, robots, Open Graph and JSON-LD', () => {
    const head = renderHead(input({
      alternates: [{ hreflang: 'fr', href: URL_ }, { hreflang: 'en', href: `${URL_}?lang=en` }, { hreflang: 'x-default', href: URL_ }],
      robots: 'noindex',
      jsonLd: [{ '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: [] }],
      modulePreloads: ['/entraide-ssr.min.js'],
    }));
    const lines = head.split('\n');
    assert.equal(lines[0], '<title>Ma box ne synchronise plus — Mercure</title>');
    assert.ok(lines.includes('<meta name="description" content="Depuis lundi ma box clignote en orange et ne se synchronise plus.">'));
    assert.ok(lines.includes('<meta name="robots" content="noindex">'));
    assert.ok(lines.includes(`<link rel="canonical" href="${URL_}">`));
    assert.ok(lines.includes(`<link rel="alternate" hreflang="en" href="${URL_}?lang=en">`));
    assert.ok(lines.includes(`<link rel="alternate" hreflang="x-default" href="${URL_}">`));
    for (const [name, value] of [['og:type', 'article'], ['og:title', 'Ma box ne synchronise plus — Mercure'], ['og:url', URL_], ['og:site_name', 'Mercure'], ['og:locale', 'fr_FR']]) {
      assert.ok(lines.includes(`<meta property="${name}" content="${value}">`), name);
    }
    assert.ok(lines.includes('<link rel="modulepreload" href="/entraide-ssr.min.js">'));
    assert.ok(lines.at(-1)!.startsWith('<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList"'));
  });

  it('leaves out what it is not given, and cuts long descriptions', () => {
    const head = renderHead(input({ canonical: undefined, description: `${'Bonjour '.repeat(40)}fin`, og: { type: 'website' }, lang: 'en' }));
    assert.ok(!head.includes('canonical') && !head.includes('robots') && !head.includes('hreflang') && !head.includes('og:url') && !head.includes('<script'));
    const description = /<meta name="description" content="([^"]*)">/.exec(head)![1]!;
    assert.ok(Array.from(description).length <= DESCRIPTION_MAX && description.endsWith('Bonjour…'), description);
    assert.ok(head.includes(`<meta property="og:description" content="${description}">`));
    assert.ok(head.includes('<meta property="og:locale" content="en_US">'));
    assert.ok(!renderHead(input({ description: '  ' })).includes('name="description"'), 'no empty description');
  });

  it('escapes a title with <, ", & and quotes in text and attributes', () => {
    const head = renderHead(input({ title: HOSTILE, description: HOSTILE, canonical: `${URL_}?a="b"&c=<d>` }));
    assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
    assert.ok(head.startsWith(`<title>${escapeHtml(HOSTILE)}</title>`));
    assert.equal(head.match(/<\/title>/g)?.length, 1);
    assert.ok(!/<script>|<img|onerror="/.test(head));
    assert.ok(head.includes('href="https://www.brand.fr/aide/communaute/t/7-box-fibre?a=&quot;b&quot;&amp;c=&lt;d&gt;"'));
  });
});

describe('renderHead, as Chromium reads it', { timeout: 60_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  });
  after(() => browser.close());

  it('gets back the exact hostile title, description and JSON-LD, and runs none of it', async () => {
    const detail = {
      thread: {
        id: 7, categoryId: 2, title: HOSTILE, status: 'open' as const, locale: 'fr' as const, excerpt: '', replyCount: 0, sameProblemCount: 0, acceptedPostId: null,
        author: { id: 1, pseudonym: '</script>Tom', role: 'member' as const, team: null, rank: { level: 1, name: 'Mercurien' }, postCount: 1, joinedAt: '2026-01-01T00:00:00.000Z' },
        createdAt: '2026-11-01T08:00:00.000Z', lastPostAt: '2026-11-01T08:00:00.000Z',
      },
      posts: [],
      nextCursor: null,
    };
    const head = renderHead(input({ title: HOSTILE, description: HOSTILE, jsonLd: [qaPageJsonLd(detail, { canonicalUrl: URL_ })] }));
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html lang="fr"><head>${head}</head><body><p>corps</p></body></html>`);
    const read = await page.evaluate(() => ({
      title: document.title,
      titles: document.querySelectorAll('title').length,
      description: document.querySelector('meta[name=description]')?.getAttribute('content'),
      ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      scripts: [...document.scripts].map((script) => script.type),
      jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null'),
      pwned: (window as unknown as { pwned?: number }).pwned,
      images: document.images.length,
      bodyText: document.body.textContent,
    }));
    await page.close();
    assert.equal(read.title, HOSTILE);
    assert.equal(read.titles, 1);
    assert.equal(read.ogTitle, HOSTILE);
    assert.equal(read.description, cutAtWord(HOSTILE, DESCRIPTION_MAX));
    assert.deepEqual(read.scripts, ['application/ld+json']);
    assert.equal(read.jsonLd.mainEntity.name, HOSTILE);
    assert.equal(read.jsonLd.mainEntity.author.name, '</script>Tom');
    assert.equal(read.pwned, undefined);
    assert.equal(read.images, 0);
    assert.equal(read.bodyText, 'corps');
  });
});
