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
