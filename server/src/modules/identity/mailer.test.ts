import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createLogMailer, createMailer, createSmtpMailer, readSmtpUrl, type SmtpMailer } from './mailer';
import { startSmtpTestServer } from './smtp.fixtures';

function captureLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ level: 'info', destination }), lines };
}

const mailers: SmtpMailer[] = [];
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const mailer of mailers.splice(0)) mailer.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function smtpMailer(smtpUrl: string, log = captureLog().log) {
  const mailer = createSmtpMailer({ smtpUrl, log });
  mailers.push(mailer);
  return mailer;
}

const resetMail = {
  to: 'ana@shop.example',
  subject: 'Reset your Closer password',
  text: 'Choose a new password: http://localhost:3000/reset-password/abc.def\n\nThe link works once.',
};

describe('log mailer', () => {
  it('writes the link readably and masks the address', async () => {
    const { log, lines } = captureLog();
    const link = 'http://localhost:3000/reset-password/eyJ1IjoiMDE5NmEwYzQifQ.Zm9vYmFyYmF6cXV4';
    await createLogMailer(log).send({ to: 'ana@shop.example', subject: 'Reset', text: `Choose one: ${link}` });
    const output = lines.join('');
    expect(output).toContain(link);
    expect(output).not.toContain('ana@shop.example');
  });

  it('is what an installation without SMTP_URL gets', async () => {
    const { log, lines } = captureLog();
    await createMailer({ smtpUrl: undefined, log }).send(resetMail);
    expect(lines.join('')).toContain('SMTP_URL is unset');
  });
});

describe('SMTP mailer', () => {
  it('delivers the email to the SMTP server with its recipient, subject and text', async () => {
    const smtp = await startSmtpTestServer();
    servers.push(smtp);
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}?from=${encodeURIComponent('Shop <hello@shop.example>')}`);
    await mailer.send(resetMail);
    await mailer.idle();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(['ana@shop.example']);
    expect(mail?.from).toBe('hello@shop.example');
    expect(mail?.raw).toContain('To: ana@shop.example');
    expect(mail?.raw).toContain('Subject: Reset your Closer password');
    expect(mail?.raw).toContain('http://localhost:3000/reset-password/abc.def');
  });

  it('logs in with the credentials in SMTP_URL', async () => {
    const logins: Array<{ username?: string | null; password?: string | null }> = [];
    const smtp = await startSmtpTestServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push({ username: auth.username, password: auth.password });
        if (auth.username === 'mailer@shop.example' && auth.password === 's3cret/pass')
          return callback(null, { user: auth.username });
        callback(new Error('Invalid username or password'));
      },
    });
    servers.push(smtp);
    const mailer = smtpMailer(
      `smtp://${encodeURIComponent('mailer@shop.example')}:s3cret%2Fpass@127.0.0.1:${smtp.port}`,
    );
    await mailer.send(resetMail);
    await mailer.idle();
    expect(logins).toEqual([{ username: 'mailer@shop.example', password: 's3cret/pass' }]);
    // The account's address is the sender unless ?from= says otherwise.
    expect(smtp.received[0]?.from).toBe('mailer@shop.example');
  });

  it('hands the email over without waiting for the relay', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const smtp = await startSmtpTestServer({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => void held.then(() => callback()));
      },
    });
    servers.push(smtp);
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`);
    const started = Date.now();
    await mailer.send(resetMail);
    expect(Date.now() - started).toBeLessThan(50);
    let delivered = false;
    const idle = mailer.idle().then(() => {
      delivered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toBe(false);
    release();
    await idle;
    expect(delivered).toBe(true);
  });

  it('logs a clear error and does not throw when the relay refuses the email', async () => {
    const smtp = await startSmtpTestServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    servers.push(smtp);
    const { log, lines } = captureLog();
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, log);
    await expect(mailer.send(resetMail)).resolves.toBeUndefined();
    await mailer.idle();
    const output = lines.join('');
    // (The logger masks the IP address as if it were a phone number; the port and the reason stay.)
    expect(output).toMatch(
      new RegExp(`Email could not be sent through the SMTP server .*:${smtp.port}: 550 Mailbox unavailable`),
    );
    expect(output).toContain('"level":50');
    expect(output).not.toContain('ana@shop.example');
  });

  it('logs a clear error when nothing listens at SMTP_URL', async () => {
    const smtp = await startSmtpTestServer();
    await smtp.close(); // A port that was just free: nothing listens there now.
    const { log, lines } = captureLog();
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, log);
    await mailer.send(resetMail);
    await mailer.idle();
    expect(lines.join('')).toMatch(
      new RegExp(`Email could not be sent through the SMTP server .*:${smtp.port}: connect ECONNREFUSED`),
    );
  });
});

describe('readSmtpUrl', () => {
  it('takes ?from= out of the transport URL', () => {
    expect(readSmtpUrl('smtp://relay.example:587?from=Shop%20%3Chi%40shop.example%3E')).toEqual({
      url: 'smtp://relay.example:587',
      from: 'Shop <hi@shop.example>',
    });
  });

  it('falls back to a no-reply address at the relay’s domain', () => {
    expect(readSmtpUrl('smtps://user:pw@mail.shop.example').from).toBe('Closer <no-reply@mail.shop.example>');
    expect(readSmtpUrl('smtp://127.0.0.1:2525').from).toBe('Closer <no-reply@localhost>');
  });
});
