import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalInteger, SINGLE_LINE_PATTERN, unfitLine, unstorableText } from '../../src/core/index.ts';

describe('storable text', () => {
  it('reads decimal digits only as an integer', () => {
    assert.equal(decimalInteger('42'), 42);
    assert.equal(decimalInteger('007'), 7);
    for (const text of ['', '1.5', '0x10', '1e1', ' 1', '1 ', '-1', '+1']) assert.equal(decimalInteger(text), undefined, JSON.stringify(text));
  });

  it('refuses NUL and lone surrogates, which PostgreSQL text cannot hold', () => {
    assert.equal(unstorableText('a\u0000b'), 'must not contain the NUL character (U+0000)');
    for (const text of ['\ud800', 'a\ud800b', '\udc00', 'a\udc00']) {
      assert.equal(unstorableText(text), 'must not contain a lone UTF-16 surrogate (not valid Unicode)', JSON.stringify(text));
    }
    assert.equal(unstorableText('emoji 😀, tabs\tand\nnewlines'), undefined);
  });

  it('refuses control characters on one-line fields, after the storable-text reasons', () => {
    for (const text of ['a\nb', 'a\tb', '\u001b[31m', 'del\u007f', '\u0001']) {
      assert.equal(unfitLine(text), 'must not contain control characters (newlines, tabs, escapes)', JSON.stringify(text));
    }
    assert.equal(unfitLine('a\u0000b'), 'must not contain the NUL character (U+0000)');
    assert.equal(unfitLine('Ma box ne capte plus 😀'), undefined);
    assert.equal(unfitLine(' \u0080 '), undefined);
  });

  it('gives the schema the same one-line rule', () => {
    const pattern = new RegExp(SINGLE_LINE_PATTERN, 'u');
    assert.equal(pattern.test('a title'), true);
    assert.equal(pattern.test('a\ntitle'), false);
    assert.equal(pattern.test('del\u007f'), false);
  });
});
