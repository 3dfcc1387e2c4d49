/**
 * The bytes a reader downloads before the first post of a server-rendered thread is visible:
 * the HTML up to the end of the first `<entraide-post>` (raw and gzip -9), beside the whole page
 * and its JSON island (the seed the elements hydrate from, written after the forum), and the
 * page as the server sends it (`accept-encoding: br, gzip`). The static comparison page is
 * measured the same way.
 */
import { get } from 'node:http';
import { gzipSync } from 'node:zlib';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageBytes {
  firstPost: Bytes;
  whole: Bytes;
  island: Bytes;
  /** The `<style>` elements of the declarative shadow roots (each element's styles, repeated in every instance). */
  styles: { count: number; raw: number };
  /** Posts in the HTML (50 expected) and the `content-encoding` and length the server chose. */
  posts: number;
  wire: { encoding: string; bytes: number };
}

const measure = (text: string): Bytes => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

const ISLAND = /<script type="application\/json" id="entraide-seed">[\s\S]*?<\/script>/;

function styleBytes(html: string): PageBytes['styles'] {
  const styles = html.match(/<style\b[^>]*>[\s\S]*?<\/style>/g) ?? [];
  return { count: styles.length, raw: styles.reduce((sum, style) => sum + Buffer.byteLength(style), 0) };
}

/** `html` cut after `marker`'s first occurrence (the whole page when it is absent). */
function upTo(html: string, marker: string): string {
  const at = html.indexOf(marker);
  return at < 0 ? html : html.slice(0, at + marker.length);
}

/** The body's length as sent, not decoded (`fetch` would decode it), with its encoding. */
function onTheWire(url: string): Promise<PageBytes['wire']> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ encoding: response.headers['content-encoding'] ?? 'none', bytes }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The rendered page at `url`, raw (the figures) and as the server sends it to a browser. */
export async function renderedPageBytes(url: string): Promise<PageBytes> {
  const html = await (await fetch(url)).text();
  return {
    firstPost: measure(upTo(html, '</entraide-post>')),
    whole: measure(html),
    island: measure(ISLAND.exec(html)?.[0] ?? ''),
    styles: styleBytes(html),
    posts: html.split('</entraide-post>').length - 1,
    wire: await onTheWire(url),
  };
}

/** The static page: up to its first `</article>`, and whole. */
export function staticPageBytes(html: string): { firstPost: Bytes; whole: Bytes } {
  return { firstPost: measure(upTo(html, '</article>')), whole: measure(html) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `12.3 KB (2.1 KB gzip)` */
export const bytesText = (bytes: Bytes) => `${kb(bytes.raw)} (${kb(bytes.gzip)} gzip -9)`;

export const kbText = kb;
