/**
 * Editor data from custom-elements.json (run `npm run build:manifest` first), so editors complete
 * and describe every `<entraide-*>` tag, attribute, event, slot, part and theme variable:
 * dist/vscode.html-custom-data.json (VS Code's `html.customData`) and dist/web-types.json
 * (JetBrains IDEs, found through package.json#web-types).
 * `node scripts/generate-editor-data.ts` (`npm run build` runs it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { elementsOf, publicFields, readManifest, type Described, type ElementDeclaration, type Manifest } from './manifest.ts';

export const VSCODE_FILE = 'dist/vscode.html-custom-data.json';
export const WEB_TYPES_FILE = 'dist/web-types.json';

const text = (item: Described) => item.description || item.summary || '';
/** `'fr' | 'en' | undefined` → ['fr', 'en']: the values an editor offers. */
const literals = (type = '') => [...type.matchAll(/'([^']*)'/g)].map((match) => match[1]!);

/** The element's text with its slots and parts, as VS Code shows it on hover. */
function elementDoc(element: ElementDeclaration): string {
  const list = (title: string, items: Described[] = []) => (items.length ? `\n\n**${title}**: ${items.map((item) => `\`${item.name || '(default)'}\` ${text(item)}`).join('; ')}` : '');
  return `${text(element)}${list('Slots', element.slots)}${list('Events', element.events)}${list('CSS parts', element.cssParts)}`;
}

export function renderVsCode(manifest: Manifest): object {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: elementDoc(element) },
      attributes: (element.attributes ?? []).map((attribute) => ({
        name: attribute.name,
        description: text(attribute),
        ...(literals(attribute.type?.text).length ? { values: literals(attribute.type?.text).map((name) => ({ name })) } : {}),
      })),
    })),
  };
}

export function renderWebTypes(manifest: Manifest, version: string): object {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: 'entraide',
    version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: text(element),
          source: { module: 'entraide', symbol: element.name },
          attributes: (element.attributes ?? []).map((attribute) => ({ name: attribute.name, description: text(attribute), value: { type: attribute.type?.text ?? 'string', ...(attribute.default ? { default: attribute.default } : {}) } })),
          slots: (element.slots ?? []).map((slot) => ({ name: slot.name, description: text(slot) })),
          js: {
            properties: publicFields(element).map((field) => ({ name: field.name, description: text(field), type: field.type?.text ?? 'unknown' })),
            events: (element.events ?? []).map((event) => ({ name: event.name, description: text(event), type: event.type?.text ?? 'Event' })),
          },
          css: {
            parts: (element.cssParts ?? []).map((part) => ({ name: part.name, description: text(part) })),
            properties: (element.cssProperties ?? []).map((property) => ({ name: property.name, description: text(property) })),
          },
        })),
      },
    },
  };
}

if (import.meta.main) {
  const manifest = readManifest();
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  mkdirSync('dist', { recursive: true });
  writeFileSync(VSCODE_FILE, `${JSON.stringify(renderVsCode(manifest), null, 2)}\n`);
  writeFileSync(WEB_TYPES_FILE, `${JSON.stringify(renderWebTypes(manifest, version), null, 2)}\n`);
}
