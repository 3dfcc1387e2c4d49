/**
 * An open text/event-stream read over fetch, as the SDK reads it (bearer token in a header),
 * its frames collected as they come and all the raw text it received, for live-event tests.
 */
import assert from 'node:assert/strict';
import type { LiveEvent, Post } from '../../src/contract/index.ts';

export interface Frame {
  id: number;
  event: LiveEvent;
}

export class LiveStream {
  readonly frames: Frame[] = [];
  raw = '';
  readonly #abort = new AbortController();

  /** Opens `eventsUrl` (…/api/events?…) as `token`'s holder (a guest without), resuming after `lastEventId`. */
  static async open(eventsUrl: string, token: string | undefined, lastEventId?: number): Promise<LiveStream> {
    const stream = new LiveStream();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const response = await fetch(eventsUrl, { headers, signal: stream.#abort.signal });
    // The server counts the client before it sends the headers: from here on it gets live events.
    assert.equal(response.status, 200);
    void stream.#read(response.body!);
    return stream;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        const text = decoder.decode(chunk, { stream: true });
        this.raw += text;
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) this.frames.push({ id: Number(id), event: JSON.parse(data) as LiveEvent });
        }
      }
    } catch {
      // Aborted by close().
    }
  }

  async waitFor(find: (frame: Frame) => boolean, what: string): Promise<Frame> {
    const end = Date.now() + 4000;
    for (;;) {
      const found = this.frames.find(find);
      if (found) return found;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.frames.map((f) => f.event.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.#abort.abort();
  }
}

/** The posts of one thread a reader shows after applying the frames, as an element would. */
export function shownPosts(frames: readonly Frame[], threadId: number): Map<number, Post> {
  const shown = new Map<number, Post>();
  for (const { event } of frames) {
    if (event.type === 'incident-updated' || event.threadId !== threadId) continue;
    if (event.type === 'post-created' || event.type === 'post-updated') shown.set(event.post.id, event.post);
    if (event.type === 'post-removed') shown.delete(event.postId);
  }
  return shown;
}
