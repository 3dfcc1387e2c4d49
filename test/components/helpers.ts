/**
 * Shared test harness for the elements: msw's browser worker over the demo community (the
 * server's own domain code on PGlite, put back as loaded before each test), a context host that
 * plays the forum's part (client, session, locale), an axe-core check, and shadow-DOM queries.
 */
import { ContextProvider } from '@lit/context';
import { waitUntil } from '@open-wc/testing';
import 'axe-core';
import type { AxeResults } from 'axe-core';
import type * as Axe from 'axe-core';
import { render, type TemplateResult } from 'lit';
import { setupWorker } from 'msw/browser';
import { clientContext, localeContext, sessionContext, type SessionState } from '../../src/components/internal/context.ts';
import type { Locale } from '../../src/core/index.ts';
import { createMockForum, DEMO_PEOPLE, type MockForum, type MockForumOptions, type MockMember } from '../../src/mocks/index.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';

export { DEMO_PEOPLE, type MockForum, type MockMember };

export const worker = setupWorker();

// Root-level hooks, once per page whatever the number of test files in it: the worker starts and
// the database opens (about a second) before the first test; each test ends with the mock forum's handlers only.
before(async function startMocks() {
  this.timeout(60_000);
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  await createMockForum();
});
after(() => worker.stop());
afterEach(() => worker.resetHandlers());

/** The demo community as loaded, served by the worker (each call puts back what earlier tests wrote). */
export async function mockForum(options: MockForumOptions = {}): Promise<MockForum> {
  const forum = await createMockForum(options);
  worker.resetHandlers(...forum.handlers);
  return forum;
}

export interface MountOptions {
  client?: EntraideClient;
  /** Sign in as this member of the mock community (`await forum.member('Kali29')`). */
  as?: MockMember;
  locale?: Locale;
  width?: string;
}

const mounted: HTMLElement[] = [];

// Root-level hook: every test file that mounts gets a clean page after each test.
afterEach(() => {
  for (const host of mounted.splice(0)) host.remove();
});

/**
 * Renders `template` inside a host that provides what `<entraide-forum>` would, then waits
 * for the first element to finish its first update.
 */
export async function mount<E extends HTMLElement>(template: TemplateResult, options: MountOptions = {}): Promise<E> {
  const host = document.createElement('div');
  if (options.width) host.style.width = options.width;
  const token = options.as?.token;
  const client = options.client ?? createEntraideClient({ baseUrl: '/api', token });
  const member = options.as ? (await createEntraideClient({ baseUrl: '/api', token }).session.get()).member : null;
  const session: SessionState = member ? { member, token } : { member: null };
  new ContextProvider(host, { context: clientContext, initialValue: client });
  new ContextProvider(host, { context: sessionContext, initialValue: session });
  if (options.locale) new ContextProvider(host, { context: localeContext, initialValue: options.locale });
  document.body.append(host);
  mounted.push(host);
  render(template, host);
  const element = host.firstElementChild as E & { updateComplete?: Promise<unknown> };
  await element.updateComplete;
  return element;
}

/** One row of the demo community, chosen by SQL (`forum.db`): tests pick the thread or post that fits their case. */
export async function pick<Row>(forum: MockForum, sql: string, params: unknown[] = []): Promise<Row> {
  const [row] = await forum.db.query<Row>(sql, params);
  if (!row) throw new Error(`the demo community has no row for: ${sql}`);
  return row;
}

/** Every match under `root`, looking inside open shadow roots too. */
export function queryAllDeep<E extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...queryAllDeep<E>(element.shadowRoot, selector));
  }
  if (root instanceof Element && root.shadowRoot) found.push(...queryAllDeep<E>(root.shadowRoot, selector));
  return found;
}

export function queryDeep<E extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): E | undefined {
  return queryAllDeep<E>(root, selector)[0];
}

/** The text a reader sees, shadow roots included, with whitespace collapsed. */
export function textOf(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits until the mock community feeds a live stream, so that the next write reaches the element. */
export async function waitForLiveStream(forum: MockForum): Promise<void> {
  await waitUntil(() => forum.liveClients() > 0, 'the live stream never connected', { timeout: 3000 });
}

const parsingWatches: Array<() => void> = [];

// Root-level hook: prototypes spied on by watchMarkupParsing() are restored after each test.
afterEach(() => {
  for (const restore of parsingWatches.splice(0)) restore();
});

/**
 * Records, until the test ends, every string holding `<img` or `<script` that the page parses
 * into live nodes (innerHTML outside <template>, outerHTML, insertAdjacentHTML,
 * createContextualFragment), attached or not. Hostile markup that reached one could run later,
 * when an image fails; the record says so at once, with no wait for an `onerror`.
 */
export function watchMarkupParsing(): string[] {
  const parsed: string[] = [];
  const record = (html: unknown) => {
    if (/<(img|script)/i.test(String(html))) parsed.push(String(html));
  };
  const spyOnSetter = (prototype: object, name: string, inert = (_target: unknown) => false) => {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    Object.defineProperty(prototype, name, {
      ...descriptor,
      set(this: unknown, html: unknown) {
        if (!inert(this)) record(html);
        descriptor.set!.call(this, html);
      },
    });
    parsingWatches.push(() => Object.defineProperty(prototype, name, descriptor));
  };
  const spyOnMethod = <P extends object>(prototype: P, name: keyof P & string, htmlArgument: number) => {
    const original = prototype[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(prototype, name, {
      configurable: true,
      writable: true,
      value(this: unknown, ...args: unknown[]) {
        record(args[htmlArgument]);
        return original.apply(this, args);
      },
    });
    parsingWatches.push(() => Object.defineProperty(prototype, name, { configurable: true, writable: true, value: original }));
  };
  // A <template>'s content is inert: lit builds every template, unsafeHTML too, that way.
  spyOnSetter(Element.prototype, 'innerHTML', (target) => target instanceof HTMLTemplateElement);
  spyOnSetter(ShadowRoot.prototype, 'innerHTML');
  spyOnSetter(Element.prototype, 'outerHTML');
  spyOnMethod(Element.prototype, 'insertAdjacentHTML', 1);
  spyOnMethod(Range.prototype, 'createContextualFragment', 0);
  return parsed;
}

/** Waits until `selector` matches somewhere under `root` (shadow roots included). */
export async function waitForDeep<E extends Element = HTMLElement>(root: Element, selector: string, message?: string): Promise<E> {
  await waitUntil(() => queryDeep(root, selector), message ?? `${selector} never appeared`, { timeout: 3000 });
  return queryDeep<E>(root, selector)!;
}

export async function waitForText(root: Element, text: string | RegExp): Promise<void> {
  const matches = () => (typeof text === 'string' ? textOf(root).includes(text) : text.test(textOf(root)));
  await waitUntil(matches, `text ${String(text)} never appeared; saw: ${textOf(root).slice(0, 300)}`, { timeout: 3000 });
}

/**
 * A node as text for assertions. A failing chai assertion that holds a DOM node stalls
 * web-test-runner's reporter (the whole file times out), so tests compare strings or booleans.
 */
export function describeNode(node: Node | null | undefined): string {
  if (!node) return String(node);
  if (!(node instanceof Element)) return node.nodeName;
  const id = node.id ? `#${node.id}` : '';
  const part = node.getAttribute('part') ? `[part="${node.getAttribute('part')}"]` : '';
  return `<${node.localName}${id}${part}>`;
}

/** How many elements match `selector` directly under `root` (its shadow root when it has one). */
export function count(root: Element | ShadowRoot, selector: string): number {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  return scope.querySelectorAll(selector).length;
}

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

/** axe-core on the element and its shadow trees; fails with the rules and targets violated. */
export async function expectAccessible(element: Element): Promise<void> {
  const results: AxeResults = await window.axe.run(element);
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  if (summary.length) throw new Error(`axe-core violations:\n${summary.join('\n')}`);
}
