import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** For tests: a real SMTP server on a free local port that keeps what it receives. */
export interface ReceivedMail {
  from: string | undefined;
  to: string[];
  /** The message as sent, with quoted-printable soft line breaks joined. */
  raw: string;
}

export interface SmtpTestServer {
  received: ReceivedMail[];
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startSmtpTestServer(options: Partial<SMTPServerOptions> = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: raw.replace(/=\r?\n/g, ''),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
