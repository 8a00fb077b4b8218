import { createTransport } from 'nodemailer';
import type { Logger } from '../../platform/logger';

/**
 * How the module sends email (password resets, invitations): one call, so the
 * services do not care whether it goes out by SMTP or into the log.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** An installation's mailer: shutdown waits for `idle()` so no email handed over is lost. */
export interface DeliveringMailer extends Mailer {
  /** Resolves once every email handed over so far was delivered or given up on. */
  idle(): Promise<void>;
}

/**
 * Writes each email to the server log instead of sending it: the default
 * without SMTP_URL, so someone running Closer locally can still follow a
 * reset or invitation link. The logger masks the recipient's address; the
 * link (a random token, not an email) stays readable.
 */
export function createLogMailer(log: Logger): DeliveringMailer {
  return {
    idle: async () => {},
    async send(message) {
      log.info(
        { mail: { to: message.to, subject: message.subject } },
        `Email not sent (SMTP_URL is unset); its text follows.\n${message.text}`,
      );
    },
  };
}

export interface SmtpMailer extends DeliveringMailer {
  close(): void;
}

/** Generous for a slow relay, short enough that a dead one is reported within a minute. */
const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends through the SMTP server of `SMTP_URL` (`smtp://user:pass@host:587`,
 * `smtps://…` for implicit TLS; `?from=` sets the sender). `send` resolves as
 * soon as the email is handed over, and delivery runs behind the request: a
 * password reset must answer the same, in the same time, whether or not the
 * address has an account, and a relay that is down must not turn that answer
 * into an error. A failed delivery is logged with the relay's reason instead.
 */
export function createSmtpMailer(options: { smtpUrl: string; log: Logger }): SmtpMailer {
  const { url, from } = readSmtpUrl(options.smtpUrl);
  const transport = createTransport({ url, ...smtpTimeouts }, { from });
  const relay = `${new URL(url).hostname}:${new URL(url).port || 'default port'}`;
  const pending = new Set<Promise<void>>();
  return {
    async send(message) {
      const delivery = transport
        .sendMail({ to: message.to, subject: message.subject, text: message.text })
        .then(
          () => options.log.debug({ mail: { subject: message.subject } }, 'email sent'),
          (error: Error & { code?: string; response?: string }) =>
            options.log.error(
              { mail: { to: message.to, subject: message.subject }, smtpCode: error.code },
              `Email could not be sent through the SMTP server ${relay}: ${error.response ?? error.message}. Check SMTP_URL.`,
            ),
        )
        .finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
    close: () => transport.close(),
  };
}

/** The transport's URL without our own `from` parameter, and the sender it names (or a sensible default). */
export function readSmtpUrl(smtpUrl: string): { url: string; from: string } {
  const url = new URL(smtpUrl);
  const from = url.searchParams.get('from');
  url.searchParams.delete('from');
  const user = decodeURIComponent(url.username);
  const domain = /[a-z]/i.test(url.hostname) ? url.hostname : 'localhost';
  return { url: url.toString(), from: from || (user.includes('@') ? user : `Closer <no-reply@${domain}>`) };
}

/** The mailer for this installation: SMTP when `SMTP_URL` is set, else the log. */
export function createMailer(options: { smtpUrl: string | undefined; log: Logger }): DeliveringMailer {
  return options.smtpUrl
    ? createSmtpMailer({ smtpUrl: options.smtpUrl, log: options.log })
    : createLogMailer(options.log);
}
