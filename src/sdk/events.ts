import type { LiveEvent } from '../contract/index.ts';
import type { Http } from './http.ts';

export interface EventFilter {
  threadId?: number;
  categoryId?: number;
}

export type EventHandler = (event: LiveEvent) => void;

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 15_000;

/**
 * Reads a text/event-stream over fetch (works in browsers and Node, carries the bearer token,
 * resumes with Last-Event-ID) and reconnects with capped exponential backoff.
 * Returns the function that stops the subscription.
 */
export function subscribe(http: Http, filter: EventFilter, handler: EventHandler): () => void {
  const controller = new AbortController();
  let lastEventId: string | undefined;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const headers = await http.headers(lastEventId ? { 'last-event-id': lastEventId, accept: 'text/event-stream' } : { accept: 'text/event-stream' });
        const response = await http.fetch(http.url('/events', { threadId: filter.threadId, categoryId: filter.categoryId }), { headers, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        attempt = 0;
        await readStream(response.body, (id, data) => {
          if (id) lastEventId = id;
          handler(JSON.parse(data) as LiveEvent);
        });
      } catch {
        if (controller.signal.aborted) return;
      }
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt += 1;
      await sleep(delay, controller.signal);
    }
  };
  void connect();
  return () => controller.abort();
}

async function readStream(body: ReadableStream<Uint8Array>, onMessage: (id: string | undefined, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const message = parseBlock(block);
      if (message) onMessage(message.id, message.data);
    }
  }
}

function parseBlock(block: string): { id?: string; data: string } | undefined {
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { id, data: data.join('\n') } : undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
