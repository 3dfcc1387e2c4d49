/**
 * The elements as custom-elements.json (`npm run build:manifest`) describes them: what the
 * framework wrappers and the editor data are generated from, so each fact stays in the JSDoc.
 */
import { readFileSync } from 'node:fs';
import type { ElementDeclaration, Manifest } from './manifest-shape.ts';

export * from './manifest-shape.ts';

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

/** `entraide-sign-in-requested` → `onEntraideSignInRequested`. */
export const handlerName = (event: string) => `on${event.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;

/** `EntraideEditFormElement` → `EntraideEditForm`: the wrapper's name. */
export const componentName = (className: string) => className.replace(/Element$/, '');
