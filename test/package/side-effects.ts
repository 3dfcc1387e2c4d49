/**
 * `package.json#sideEffects` of the `entraide` package: the modules whose evaluation does
 * something, found in the built `dist/esm/` (what bundlers read).
 *
 * A bundler drops a module flagged side-effect free when none of its exports are used, and the
 * modules it imports along with it: `import 'entraide'` must keep `components/index.js`, which
 * only re-exports, because the modules under it register the elements. So a module counts when
 * it runs a top-level statement with an effect (`X.define(…)`, `registerStrings(…)`,
 * `enableResources(…)`), or when it imports or re-exports a module that counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** `a` of `a.b.c`, `a.b(…)`, `a.b = …`. */
function rootName(expression: ts.Expression): string | undefined {
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) node = node.left;
    else if (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = node.expression;
    else return ts.isIdentifier(node) ? node.text : undefined;
  }
}

/**
 * Statements that change nothing outside the module: `void name;` (a compile-time check), tsc's
 * `__decorate(…)` (it changes the class above it), and setting up an object the module made
 * itself with `new` (`parser.disable([…])` on its own markdown-it). `X.define(…)` is not one of
 * them: it registers X in the page's element registry.
 */
function isInert(statement: ts.ExpressionStatement, ownObjects: Set<string>): boolean {
  const expression = statement.expression;
  if (ts.isVoidExpression(expression)) return ts.isIdentifier(expression.expression);
  if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === '__decorate') return true;
  const root = rootName(expression);
  return root !== undefined && ownObjects.has(root);
}

/** Top-level `const x = new …`. */
function objectsMadeHere(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer && ts.isNewExpression(declaration.initializer)) names.add(declaration.name.text);
    }
  }
  return names;
}

interface Module {
  ownEffect: boolean;
  /** Files this module imports or re-exports statically (relative specifiers, resolved). */
  imports: string[];
}

function read(file: string): Module {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const ownObjects = objectsMadeHere(source);
  const imports: string[] = [];
  let ownEffect = false;
  for (const statement of source.statements) {
    if (ts.isExpressionStatement(statement) && !isInert(statement, ownObjects)) ownEffect = true;
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) imports.push(resolve(dirname(file), specifier.text));
  }
  return { ownEffect, imports };
}

/** What `package.json#sideEffects` should list, given the built `dist/esm/` under `root`: `./dist/esm/…js`, sorted. */
export function expectedSideEffects(root: string): string[] {
  const modules = new Map(scripts(resolve(root, 'dist/esm')).map((file) => [file, read(file)]));
  const effectful = new Set([...modules].filter(([, module]) => module.ownEffect).map(([file]) => file));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, module] of modules) {
      if (!effectful.has(file) && module.imports.some((target) => effectful.has(target))) {
        effectful.add(file);
        grew = true;
      }
    }
  }
  return [...effectful].map((file) => `./${relative(resolve(root), file).replaceAll('\\', '/')}`).sort();
}
