/**
 * A quoted post as markdown: `> ` before every line, under "@Author:", so the reply names who
 * is quoted (study §22: replies address people by pseudonym). The text is the post's plain
 * text; markdown in it stays inert inside the quote only as far as the server's renderer says.
 */
export function quoteMarkdown(pseudonym: string, text: string): string {
  const lines = text.trim().split(/\r?\n/).map((line) => (line ? `> ${line}` : '>'));
  return `@${pseudonym} :\n${lines.join('\n')}\n\n`;
}

/** `quote` added to `body`: after what is there, separated by a blank line. */
export function withQuote(body: string, quote: string): string {
  const before = body.trimEnd();
  return before ? `${before}\n\n${quote}` : quote;
}
