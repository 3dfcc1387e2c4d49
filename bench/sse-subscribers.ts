/**
 * The SSE bench's readers, in a process of their own (forked by bench/sse.ts) so that reading
 * 20,000 streams does not share the server's or the load generator's event loop. Opens
 * `count` raw HTTP/1.1 streams to `url` (spread over loopback source addresses, so 20,000
 * connections do not run out of ephemeral ports), and notes when each stream first sees each
 * event id. Messages: in `{ url, count }`; out `{ connected, failed }`, then on `{ report: true }`
 * out `{ arrivals: { [id]: epoch ms[] }, dropped }`.
 */
import { connect, type Socket } from 'node:net';

interface Start { url: string; count: number }

const arrivals = new Map<number, number[]>();
const sockets: Socket[] = [];
let dropped = 0;
const now = () => performance.timeOrigin + performance.now();

function open(url: URL, index: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), localAddress: `127.0.${1 + (index % 200)}.${1 + Math.floor(index / 200) % 250}` });
    let settled = false;
    const settle = (ok: boolean) => { if (!settled) { settled = true; resolve(ok); } };
    socket.setNoDelay(true);
    socket.once('connect', () => socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\naccept: text/event-stream\r\n\r\n`));
    // Frames of one event can split across chunks: keep the tail, and count each id once.
    let tail = '';
    const seen = new Set<number>();
    socket.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      if (!settled && text.includes('retry: 2000')) settle(true);
      const at = now();
      for (const match of text.matchAll(/\nid: (\d+)\n/g)) {
        const id = Number(match[1]);
        if (seen.has(id)) continue;
        seen.add(id);
        let list = arrivals.get(id);
        if (!list) arrivals.set(id, (list = []));
        list.push(at);
      }
      tail = text.slice(Math.max(0, text.lastIndexOf('\n', text.length - 2)));
    });
    socket.on('error', () => settle(false));
    socket.on('close', () => { if (settled) dropped += 1; settle(false); });
    sockets.push(socket);
  });
}

process.on('message', (message: Start | { report: true } | { stop: true }) => {
  if ('url' in message) {
    void (async () => {
      const url = new URL(message.url);
      let connected = 0;
      // A few hundred connections at a time: the server accepts them without a backlog overflow.
      for (let from = 0; from < message.count; from += 250) {
        const batch = await Promise.all(Array.from({ length: Math.min(250, message.count - from) }, (_, i) => open(url, from + i)));
        connected += batch.filter(Boolean).length;
      }
      process.send!({ connected, failed: message.count - connected });
    })();
  } else if ('report' in message) {
    process.send!({ arrivals: Object.fromEntries(arrivals), dropped });
  } else {
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  }
});
