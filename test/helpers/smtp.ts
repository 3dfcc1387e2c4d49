/**
 * A real SMTP server for tests (smtp-server), on a free loopback port: it keeps every message it
 * accepts, parsed by mailparser, and can refuse mail for a while (`down`) to test retries.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`: a nodemailer transport URL. */
  url: string;
  received: ParsedMail[];
  /** While true, every recipient is refused with a temporary failure (421). */
  down: boolean;
  /** Resolves once `count` messages have arrived, with a copy of the list. */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** A header as the message wrote it (mailparser turns some, like List-Unsubscribe, into objects). */
export const rawHeader = (mail: ParsedMail, name: string): string =>
  mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '', received: [], down: false,
    async waitFor(count, ms = 8000) {
      const end = Date.now() + ms;
      while (state.received.length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} e-mails, got ${state.received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return [...state.received];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    // Plain loopback SMTP: no TLS upgrade nor login, as a local relay would offer.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    // No reverse DNS of the client: the test machine may have no resolver to answer it.
    disableReverseLookup: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.down) return callback();
      callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        state.received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
