/** Sitemap XML and planning (src/server/pages/sitemap.ts), with tiny files (`perFile: 3`) so the index shows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  localizedUrl, pageUrls, PAGES_SITEMAP_PATH, planSitemaps, sitemapIndexXml, sitemapXml, threadsSitemapIndex, threadsSitemapPath, threadUrl, xmlEscape,
} from '../../../src/server/pages/sitemap.ts';

const BASE = 'https://www.brand.fr/aide/communaute';

/** The `<loc>`s of a sitemap, unescaped as an XML reader would. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!.replace(/&(\w+);/g, (_, name: string) => ENTITIES[name]!));

describe('sitemap planning', () => {
  it('keeps one urlset while every URL fits in a file', () => {
    assert.deepEqual(planSitemaps(0, 3), { kind: 'urlset' });
    assert.deepEqual(planSitemaps(2, 3, 1), { kind: 'urlset' });
    assert.deepEqual(planSitemaps(49_990, undefined, 10), { kind: 'urlset' }, '50,000 URLs by default');
  });

  it('splits threads into files of perFile, then the pages file', () => {
    assert.deepEqual(planSitemaps(3, 3, 1), { kind: 'index', perFile: 3, threadFiles: 1, paths: ['/sitemaps/threads-1.xml', PAGES_SITEMAP_PATH] });
    const plan = planSitemaps(7, 3, 4);
    assert.equal(plan.kind, 'index');
    assert.deepEqual(plan.kind === 'index' && plan.paths, ['/sitemaps/threads-1.xml', '/sitemaps/threads-2.xml', '/sitemaps/threads-3.xml', PAGES_SITEMAP_PATH]);
    const large = planSitemaps(50_001);
    assert.deepEqual(large.kind === 'index' && large.paths.length, 3);
    assert.throws(() => planSitemaps(10, 0), RangeError);
    assert.throws(() => planSitemaps(10, 50_001), RangeError);
  });

  it('names thread files from 1 and reads the names back', () => {
    assert.equal(threadsSitemapPath(0), '/sitemaps/threads-1.xml');
    assert.equal(threadsSitemapIndex('/sitemaps/threads-2.xml'), 1);
    for (const bad of ['/sitemaps/threads-0.xml', '/sitemaps/threads-01.xml', '/sitemaps/threads-x.xml', '/sitemaps/threads-1.xml/..', '/sitemaps/threads-9999999.xml']) {
      assert.equal(threadsSitemapIndex(bad), undefined, bad);
    }
  });
});

describe('sitemap XML', () => {
  it('writes a urlset with lastmod, escaping every value', () => {
    const xml = sitemapXml([
      threadUrl(BASE, { id: 42, title: 'Ma box & <moi> "ensemble"', lastPostAt: '2026-12-01T10:00:00.000Z' }),
      { loc: `${BASE}/c/x?a=1&b='2'`, lastmod: null },
    ]);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'));
    assert.ok(!xml.includes('xmlns:xhtml'), 'no alternates, no namespace');
    assert.deepEqual(locs(xml), [`${BASE}/t/42-ma-box-moi-ensemble`, `${BASE}/c/x?a=1&b='2'`]);
    assert.ok(xml.includes('<loc>https://www.brand.fr/aide/communaute/c/x?a=1&amp;b=&apos;2&apos;</loc>'));
    assert.equal(xml.match(/<lastmod>/g)?.length, 1, 'no lastmod when unknown');
    assert.ok(xml.includes('<lastmod>2026-12-01T10:00:00.000Z</lastmod>'));
    assert.ok(xml.trimEnd().endsWith('</urlset>'));
  });

  it('escapes markup and drops characters XML forbids', () => {
    assert.equal(xmlEscape(`<a href="x">&'</a>\u0001\u000b`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    assert.equal(xmlEscape('tab\tnew\nline'), 'tab\tnew\nline');
  });

  it('writes a sitemap index', () => {
    const xml = sitemapIndexXml([{ loc: `${BASE}/sitemaps/threads-1.xml`, lastmod: '2026-12-01T10:00:00.000Z' }, { loc: `${BASE}${PAGES_SITEMAP_PATH}` }]);
    assert.ok(xml.includes('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'));
    assert.equal(xml.match(/<sitemap>/g)?.length, 2);
    assert.deepEqual(locs(xml), [`${BASE}/sitemaps/threads-1.xml`, `${BASE}/sitemaps/pages.xml`]);
    assert.ok(xml.includes('<sitemap><loc>https://www.brand.fr/aide/communaute/sitemaps/threads-1.xml</loc><lastmod>2026-12-01T10:00:00.000Z</lastmod></sitemap>'));
  });
});

describe('the pages file', () => {
  const categories = [{ slug: 'reseau', lastPostAt: '2026-11-02T00:00:00.000Z' }, { slug: 'facturation', lastPostAt: null }];
  const articles = [
    { slug: 'activer-la-sim', locales: ['fr' as const], updatedAt: '2026-10-01T00:00:00.000Z' },
    { slug: 'changer-de-forfait', locales: ['en' as const, 'fr' as const], updatedAt: '2026-10-05T00:00:00.000Z' },
  ];

  it('lists the home page in each language, the categories and each FAQ language, with xhtml:link alternates', () => {
    const urls = pageUrls({ publicUrl: BASE, defaultLocale: 'fr', locales: ['fr', 'en'], categories, articles });
    assert.deepEqual(urls.map((url) => url.loc), [
      `${BASE}/`, `${BASE}/?lang=en`, `${BASE}/c/reseau`, `${BASE}/c/facturation`,
      `${BASE}/faq/activer-la-sim`, `${BASE}/faq/changer-de-forfait?lang=en`, `${BASE}/faq/changer-de-forfait`,
    ]);
    assert.equal(urls[0]!.lastmod, '2026-11-02T00:00:00.000Z', 'the home page changes with its latest category');
    assert.deepEqual(urls[4]!.alternates, [], 'one language: no alternates');
    const expected = [
      { hreflang: 'en', href: `${BASE}/faq/changer-de-forfait?lang=en` },
      { hreflang: 'fr', href: `${BASE}/faq/changer-de-forfait` },
      { hreflang: 'x-default', href: `${BASE}/faq/changer-de-forfait` },
    ];
    assert.deepEqual(urls[5]!.alternates, expected);
    assert.deepEqual(urls[6]!.alternates, expected, 'each version lists all, itself included');

    const xml = sitemapXml(urls);
    assert.ok(xml.includes('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'));
    assert.ok(xml.includes(`<xhtml:link rel="alternate" hreflang="en" href="${BASE}/faq/changer-de-forfait?lang=en"/>`));
    assert.equal(xml.match(/<xhtml:link /g)?.length, 3 * 2 + 3 * 2, 'home ×2 and the two-language article ×2, three links each');
  });

  it('addresses the default language plainly and the other by ?lang=', () => {
    assert.equal(localizedUrl(BASE, '/faq/x', 'en', 'en'), `${BASE}/faq/x`);
    assert.equal(localizedUrl(BASE, '/faq/x', 'fr', 'en'), `${BASE}/faq/x?lang=fr`);
    const onlyEnglish = pageUrls({ publicUrl: BASE, defaultLocale: 'fr', locales: ['fr'], categories: [], articles: [{ slug: 'x', locales: ['en'], updatedAt: '2026-01-01T00:00:00.000Z' }] });
    assert.deepEqual(onlyEnglish.map((url) => url.loc), [`${BASE}/`, `${BASE}/faq/x?lang=en`]);
  });
});
