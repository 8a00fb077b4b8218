import type { Logger } from '../../platform/logger';

/**
 * How the module sends email (password resets, invitations). One call, so an
 * SMTP or API-based sender is a few lines once a mail library is installed.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Writes each email to the server log instead of sending it: the default
 * without SMTP_URL, so someone running Closer locally can still follow a
 * reset or invitation link. The logger masks the recipient's address; the
 * link (a random token, not an email) stays readable.
 */
export function createLogMailer(log: Logger): Mailer {
  return {
    async send(message) {
      log.info(
        { mail: { to: message.to, subject: message.subject } },
        `Email not sent (SMTP_URL is unset); its text follows.\n${message.text}`,
      );
    },
  };
}

/**
 * The mailer for this installation. No SMTP client library is installed yet,
 * so even with SMTP_URL set the mail goes to the log, with a warning saying so.
 */
export function createMailer(options: { smtpUrl: string | undefined; log: Logger }): Mailer {
  if (options.smtpUrl) {
    options.log.warn('SMTP_URL is set but this build cannot send email yet; emails are written to the log instead.');
  }
  return createLogMailer(options.log);
}
