/**
 * Loaded first by the rendered pages' entry (`../hydrate.ts`), before any element is defined.
 * Defining a tag upgrades every element of the page that has it (50 posts, 50 headers, 50
 * badges…): on a server-rendered page, all the entry's definitions in its own task made one long
 * task (Total Blocking Time). Here each definition waits for a task of its own, in order. The
 * forum's hydration is queued behind them, so it still starts once every element is defined.
 * Chunks loaded later define at once, as on any page.
 */
import { definitions, nextTask } from './entraide-element.ts';

// A declarative shadow root on the forum: the server rendered this page (module scripts run after parsing).
if (document.querySelector('entraide-forum')?.shadowRoot) {
  const define = definitions.run;
  definitions.run = (run) => void nextTask().then(run);
  setTimeout(() => (definitions.run = define));
}
