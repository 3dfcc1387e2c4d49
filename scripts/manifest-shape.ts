/**
 * The shape of custom-elements.json and which of its members are public: pure, so the browser
 * (Storybook's docs pages) filters the manifest as the generators do.
 */
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

/** Public properties a page may set: fields, not static, not private or protected, not `_`/`#` prefixed. */
export function publicFields(element: ElementDeclaration): Member[] {
  return (element.members ?? []).filter((member) => member.kind === 'field' && isPublic(member));
}

/** Public methods a page may call. */
export function publicMethods(element: ElementDeclaration): Member[] {
  return (element.members ?? []).filter((member) => member.kind === 'method' && isPublic(member));
}

function isPublic(member: Member): boolean {
  return !member.static && (member.privacy ?? 'public') === 'public' && !/^[_#]/.test(member.name);
}

/** The manifest with only what a page may use: each element's public members (what docs pages list). */
export function publicManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.customElement ? { ...declaration, members: ((declaration as ElementDeclaration).members ?? []).filter(isPublic) } : declaration),
    })),
  };
}
