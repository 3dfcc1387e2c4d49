/**
 * The elements as custom-elements.json (`npm run build:manifest`) describes them: what the
 * framework wrappers and the editor data are generated from, so each fact stays in the JSDoc.
 */
import { readFileSync } from 'node:fs';

export interface Described {
  name: string;
  description?: string;
  summary?: string;
}
export interface Typed extends Described {
  type?: { text: string };
  default?: string;
}
export interface Member extends Typed {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: 'public' | 'private' | 'protected';
  readonly?: boolean;
  attribute?: string;
  inheritedFrom?: { name: string };
}
export interface Attribute extends Typed {
  fieldName?: string;
}
export interface ElementDeclaration extends Described {
  kind: 'class';
  customElement: true;
  tagName: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Typed[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Typed[];
}
export interface Manifest {
  modules: Array<{ path: string; declarations?: Array<Described & { kind: string; customElement?: boolean; tagName?: string }> }>;
}

export const MANIFEST = 'custom-elements.json';

export function readManifest(file = MANIFEST): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every element with a tag, with its module's path, sorted by tag. */
export function elementsOf(manifest: Manifest): Array<ElementDeclaration & { path: string }> {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName).map((declaration) => ({ ...(declaration as ElementDeclaration), path: module.path })))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** The classes of src/components/events/ (the typed events an element may dispatch), each with its module. */
export function eventClassesOf(manifest: Manifest): Map<string, string> {
  return new Map(manifest.modules.filter((module) => module.path.startsWith('src/components/events/')).flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.kind === 'class').map((declaration) => [declaration.name, module.path] as const)));
}

/** Public properties a page may set: fields, not static, not private or protected, not `_`/`#` prefixed. */
export function publicFields(element: ElementDeclaration): Member[] {
  return (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !/^[_#]/.test(member.name));
}

/** Public methods a page may call. */
export function publicMethods(element: ElementDeclaration): Member[] {
  return (element.members ?? []).filter((member) => member.kind === 'method' && !member.static && (member.privacy ?? 'public') === 'public' && !/^[_#]/.test(member.name));
}

/** `entraide-sign-in-requested` → `onEntraideSignInRequested`. */
export const handlerName = (event: string) => `on${event.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;

/** `EntraideEditFormElement` → `EntraideEditForm`: the wrapper's name. */
export const componentName = (className: string) => className.replace(/Element$/, '');
