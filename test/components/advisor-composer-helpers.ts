/** Reading and driving `<entraide-advisor-composer>` in its tests. */
import type { EntraideAdvisorComposer } from '../../src/components/advisor-composer/advisor-composer.ts';

export const $ = <E extends Element = HTMLElement>(el: EntraideAdvisorComposer, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
export const $$ = (el: EntraideAdvisorComposer, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const body = (el: EntraideAdvisorComposer) => $<HTMLTextAreaElement>(el, '#body').value;

/** Types `text` as the whole body, as a person would (one input event). */
export async function type(el: EntraideAdvisorComposer, text: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, '#body');
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await el.updateComplete;
}

/** Clicks a checkbox (or any control) and waits for the composer to render it. */
export async function tick(el: EntraideAdvisorComposer, selector: string): Promise<void> {
  $(el, selector).click();
  await el.updateComplete;
}
