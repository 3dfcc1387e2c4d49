/**
 * The brand's page around the forum. A shell is an HTML page holding one empty
 * `<entraide-forum …></entraide-forum>` (replaced by the rendered forum and its seed) and the
 * script `entraide.min.js` (replaced by the hydrating `hydrate/entraide-ssr.min.js`); its
 * `<title>` gives way to the page's head, and `<html lang>` follows the page's language.
 */
import { readFileSync } from 'node:fs';
import { escapeHtml } from './head.ts';
import { scriptJson } from './json-ld.ts';

const FORUM = /<entraide-forum\b[^>]*>\s*<\/entraide-forum>/;
const ENTRY_SCRIPT = /(<script\b[^>]*\bsrc=")([^"]*?)entraide\.min\.js(")/;

export interface Shell {
  /** The page with the forum, its seed island and its head in place. */
  fill(parts: { lang: string; head: string; forum: string; island: string }): string;
}

/** Reads the shell once and checks its parts; a shell without a forum element cannot serve pages. */
export function loadShell(file: string): Shell {
  const html = readFileSync(file, 'utf8');
  if (!FORUM.test(html)) throw new Error(`${file}: a page shell needs one empty <entraide-forum></entraide-forum> element.`);
  const template = html
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    .replace(ENTRY_SCRIPT, (_all, start: string, dir: string, end: string) => `${start}${dir}hydrate/entraide-ssr.min.js${end}`);
  return {
    fill: ({ lang, head, forum, island }) =>
      template
        .replace(/<html\b[^>]*>/, (tag) => (/\blang=/.test(tag) ? tag.replace(/\blang="[^"]*"/, `lang="${escapeHtml(lang)}"`) : tag.replace('<html', `<html lang="${escapeHtml(lang)}"`)))
        .replace('</head>', () => `${head}\n</head>`)
        // The island follows the forum: it never delays the first post.
        .replace(FORUM, () => `${forum}\n${island}`),
  };
}

/** The seed as a JSON island: data, never run (so the page's CSP allows it), and unable to close its script. */
export function seedIsland(id: string, seed: unknown): string {
  return `<script type="application/json" id="${escapeHtml(id)}">${scriptJson(seed)}</script>`;
}
