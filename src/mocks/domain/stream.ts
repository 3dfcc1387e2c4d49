/** The live stream as a `ReadableStream` msw can answer with, fed by the domain's `LiveHub`. */
import type { Actor, LiveFilter } from '../../core/index.ts';
import type { LiveHub } from '../../domain/live.ts';

export function liveStream(live: LiveHub, filter: LiveFilter, lastEventId: number | 'reset' | undefined, actor: Actor, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const closeListeners: Array<() => void> = [];
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    for (const listener of closeListeners) listener();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const sink = {
        // A frame's bytes are shared by every stream that gets it: each stream enqueues its own copy.
        write: (chunk: string | Uint8Array) => {
          if (open) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk.slice());
        },
        end: () => {
          if (!open) return;
          close();
          controller.close();
        },
        onClose: (listener: () => void) => void closeListeners.push(listener),
      };
      signal.addEventListener('abort', close, { once: true });
      void live.attach(sink, filter, lastEventId, actor);
    },
    cancel: close,
  });
}
