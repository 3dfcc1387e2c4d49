/**
 * What editors show of the elements comes from their JSDoc, through custom-elements.json
 * (`npm run build:manifest`): every public member must be described, and the VS Code and
 * JetBrains data (scripts/generate-editor-data.ts) carry every tag with those descriptions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderVsCode, renderWebTypes } from '../../scripts/generate-editor-data.ts';
import { elementsOf, publicFields, publicMethods, readManifest, type Described } from '../../scripts/manifest.ts';

describe('the editor data', () => {
  const manifest = readManifest();
  const elements = elementsOf(manifest);

  it('describes every element and every public member (property, method, attribute, event, slot, part, theme variable)', () => {
    const undescribed: string[] = [];
    let count = 0;
    for (const element of elements) {
      const members: Array<[string, Described]> = [
        ['element', { ...element, name: element.tagName }],
        ...publicFields(element).map((member) => ['property', member] as [string, Described]),
        ...publicMethods(element).map((member) => ['method', member] as [string, Described]),
        ...(element.attributes ?? []).map((member) => ['attribute', member] as [string, Described]),
        ...(element.events ?? []).map((member) => ['event', member] as [string, Described]),
        ...(element.slots ?? []).map((member) => ['slot', member] as [string, Described]),
        ...(element.cssParts ?? []).map((member) => ['part', member] as [string, Described]),
        ...(element.cssProperties ?? []).map((member) => ['css property', member] as [string, Described]),
      ];
      for (const [kind, member] of members) {
        count += 1;
        if (!(member.description || member.summary)?.trim()) undescribed.push(`<${element.tagName}> ${kind} ${member.name || '(default slot)'}`);
      }
    }
    assert.ok(count > 800, `only ${count} members: is custom-elements.json complete?`);
    assert.deepEqual(undescribed, [], 'write a JSDoc comment for each');
  });

  it('gives VS Code and JetBrains IDEs every tag, attribute and event', () => {
    const vscode = renderVsCode(manifest) as { tags: Array<{ name: string; attributes: Array<{ name: string; description: string }> }> };
    const webTypes = renderWebTypes(manifest, '0.0.0') as { contributions: { html: { elements: Array<{ name: string; js: { events: Array<{ name: string }> } }> } } };
    assert.deepEqual(vscode.tags.map((tag) => tag.name), elements.map((element) => element.tagName));
    assert.deepEqual(webTypes.contributions.html.elements.map((element) => element.name), elements.map((element) => element.tagName));
    const forum = vscode.tags.find((tag) => tag.name === 'entraide-forum')!;
    assert.match(forum.attributes.find((attribute) => attribute.name === 'api')!.description, /API/);
    assert.ok(webTypes.contributions.html.elements.find((element) => element.name === 'entraide-forum')!.js.events.some((event) => event.name === 'entraide-sign-in-requested'));
  });
});
