import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSafeUrl, markdownToText, renderMarkdown } from '../../src/domain/markdown.ts';

describe('renderMarkdown', () => {
  it('renders the markdown people write in support posts', () => {
    const html = renderMarkdown('**Bold** and a [FAQ](https://volta.example/faq/1)\n\n- one\n- two');
    assert.match(html, /<strong>Bold<\/strong>/);
    assert.match(html, /<a href="https:\/\/volta.example\/faq\/1" rel="nofollow ugc noopener noreferrer" target="_blank">FAQ<\/a>/);
    assert.match(html, /<li>one<\/li>/);
  });

  const payloads = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](  javascript:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](https://evil.example/x.png" onerror="alert(1))',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
  ];
  for (const payload of payloads) {
    it(`neutralises ${payload}`, () => {
      const html = renderMarkdown(payload);
      assert.doesNotMatch(html, /<(img|script|svg|iframe)/i);
      assert.doesNotMatch(html, /href="\s*(javascript|vbscript|data):/i);
      assert.doesNotMatch(html, /<[^>]*\son\w+=/i);
    });
  }

  it('keeps the text of a refused tag visible, escaped', () => {
    assert.equal(renderMarkdown('<img src=x onerror=alert(1)>'), '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n');
  });

  it('accepts only web, mail and relative links', () => {
    assert.ok(isSafeUrl('https://a.example'));
    assert.ok(isSafeUrl('mailto:help@a.example'));
    assert.ok(isSafeUrl('/faq/2'));
    assert.ok(isSafeUrl('faq/2?x=a:b'));
    assert.ok(!isSafeUrl('javascript:alert(1)'));
    assert.ok(!isSafeUrl('ftp://a.example'));
    assert.ok(!isSafeUrl(''));
  });

  it('accepts plain web links and relative links without a scheme, refuses blank ones', () => {
    assert.ok(isSafeUrl('http://a.example'));
    assert.ok(isSafeUrl('  https://a.example  '));
    assert.ok(isSafeUrl('faq'));
    assert.ok(!isSafeUrl('   '));
  });

  it('renders line breaks and bare links, never typographic replacements', () => {
    assert.equal(renderMarkdown('"Quotes" (c) -- dash\nsee https://volta.example/faq'),
      '<p>&quot;Quotes&quot; (c) -- dash<br>\nsee <a href="https://volta.example/faq" rel="nofollow ugc noopener noreferrer" target="_blank">https://volta.example/faq</a></p>\n');
  });

  it('shows no images: the picture syntax stays a link', () => {
    assert.equal(renderMarkdown('![box](https://volta.example/box.png)'),
      '<p>!<a href="https://volta.example/box.png" rel="nofollow ugc noopener noreferrer" target="_blank">box</a></p>\n');
  });

  it('keeps link titles, list starts and table alignment', () => {
    assert.equal(renderMarkdown('[FAQ](https://volta.example "say \\"hi\\"")'),
      '<p><a href="https://volta.example" title="say &quot;hi&quot;" rel="nofollow ugc noopener noreferrer" target="_blank">FAQ</a></p>\n');
    assert.equal(renderMarkdown('3. three\n4. four'), '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n');
    assert.equal(renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |'), [
      '<table>', '<thead>', '<tr>', '<th style="text-align:left;">a</th>', '<th style="text-align:right;">b</th>', '</tr>', '</thead>',
      '<tbody>', '<tr>', '<td style="text-align:left;">1</td>', '<td style="text-align:right;">2</td>', '</tr>', '</tbody>', '</table>', '',
    ].join('\n'));
  });

  it('gives quotes and apostrophes back in plain text', () => {
    assert.equal(markdownToText(`He said "hi" & it's <b>`), `He said "hi" & it's <b>`);
  });

  it('gives plain text for excerpts', () => {
    assert.equal(markdownToText('**Hello** <b>you</b> & [me](https://x.example).\n\n- a\n- b'), 'Hello <b>you</b> & me. a b');
  });
});
