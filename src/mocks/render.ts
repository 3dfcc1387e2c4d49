/**
 * A deliberately small markdown subset for mock bodies (paragraphs, line breaks, **bold**,
 * `code`, [links](https://…)). The server's renderer (`src/domain/markdown.ts`) pulls in
 * CommonJS packages that browsers cannot import unbundled; this one escapes everything first
 * and then adds only the tags it makes itself, so its output is as safe as the server's.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const SAFE_HREF = /^(https?:\/\/|\/)[^\s"<>]*$/;

function inline(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text: string, href: string) =>
      SAFE_HREF.test(href) ? `<a href="${href}" rel="nofollow ugc noopener noreferrer" target="_blank">${text}</a>` : whole,
    );
}

export function renderBody(markdown: string): string {
  return markdown
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${inline(escapeHtml(paragraph)).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Plain text for excerpts. */
export function bodyText(markdown: string): string {
  return markdown.replace(/\*\*|`/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
}
