/** Interactions for `play` functions, on elements inside the story's canvas (shadow roots included). */
import type { EntraideComposer } from '../../src/components/composer/composer.ts';

/** Types `body` into the canvas's composer, as a reader would, and presses its send button. */
export async function typeAndSend(canvas: HTMLElement, body: string, title?: string): Promise<void> {
  const composer = canvas.querySelector<EntraideComposer>('entraide-composer');
  if (!composer) throw new Error('no <entraide-composer> in the story');
  await composer.updateComplete;
  const root = composer.shadowRoot!;
  const fill = (selector: string, value: string) => {
    const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) return;
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  if (title !== undefined) fill('input[name="title"]', title);
  fill('textarea[name="body"]', body);
  await composer.updateComplete;
  root.querySelector<HTMLButtonElement>('[part="send"]')!.click();
  await composer.updateComplete;
}

/** The first match of `selector` under `root`, looking inside open shadow roots. */
function queryDeep<E extends Element>(root: Element | ShadowRoot, selector: string): E | null {
  const found = root.querySelector<E>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot ? queryDeep<E>(element.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}

/** Waits (up to 10 s) for `selector` anywhere in the canvas, shadow roots included, as lazy chunks and the mocked API answer. */
export async function waitForDeep<E extends Element = HTMLElement>(canvas: HTMLElement, selector: string): Promise<E> {
  for (let tries = 0; tries < 100; tries += 1) {
    const found = queryDeep<E>(canvas, selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`stories: no ${selector} in the canvas`);
}

/** Types `value` into a field, as a reader would (the input event bubbles out of shadow roots). */
export function fillField(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
