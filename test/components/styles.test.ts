import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
import * as elements from '../../src/components/index.ts';

const classes = Object.values(elements).filter(
  (value): value is typeof elements.EntraideElement => typeof value === 'function' && value.prototype instanceof elements.EntraideElement,
);

function cssText(group: CSSResultGroup | undefined): string {
  if (!group) return '';
  if (Array.isArray(group)) return group.map((item) => cssText(item)).join('\n');
  return (group as CSSResult).cssText ?? '';
}

const names = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((match) => match[1]!));
const defined = (text: string) => names(text, /(--_[\w-]+)\s*:/g);
const used = (text: string) => names(text, /var\(\s*(--_[\w-]+)/g);

describe('element styles', () => {
  it('covers every element class', () => {
    expect(classes.map((c) => c.name).sort()).to.deep.equal([
      'EntraideCategoryList', 'EntraideComposer', 'EntraideForum', 'EntraidePost', 'EntraidePostHeader',
      'EntraideRankBadge', 'EntraideThread', 'EntraideThreadList',
    ]);
  });

  it('defines every private --_ property an element uses', () => {
    for (const element of classes) {
      const text = cssText(element.styles);
      const missing = [...used(text)].filter((name) => !defined(text).has(name));
      expect(missing, `${element.name} uses undefined ${missing.join(', ')}`).to.deep.equal([]);
    }
  });

  it('uses every private --_ property it defines somewhere', () => {
    const all = classes.map((element) => cssText(element.styles)).join('\n');
    expect(defined(all).size).to.be.greaterThan(10);
    const unused = [...defined(all)].filter((name) => !used(all).has(name));
    expect(unused).to.deep.equal([]);
  });

  it('maps every private colour to a public --entraide- property', () => {
    const all = classes.map((element) => cssText(element.styles)).join('\n');
    const privateDefinitions = [...all.matchAll(/(--_[\w-]+)\s*:\s*([^;]+);/g)];
    const unmapped = privateDefinitions.filter(([, , value]) => !/var\(--entraide-|var\(--_/.test(value!)).map(([, name]) => name);
    expect(unmapped).to.deep.equal([]);
  });
});
