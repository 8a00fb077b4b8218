import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createLogMailer, createMailer } from './mailer';

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

describe('log mailer', () => {
  it('writes the link readably and masks the address', async () => {
    const { log, lines } = captureLog();
    const link = 'http://localhost:3000/reset-password/eyJ1IjoiMDE5NmEwYzQifQ.Zm9vYmFyYmF6cXV4';
    await createLogMailer(log).send({ to: 'ana@shop.example', subject: 'Reset', text: `Choose one: ${link}` });
    const output = lines.join('');
    expect(output).toContain(link);
    expect(output).not.toContain('ana@shop.example');
  });

  it('warns that SMTP_URL cannot be used yet and still logs the email', async () => {
    const { log, lines } = captureLog();
    await createMailer({ smtpUrl: 'smtp://mail.example:587', log }).send({
      to: 'a@b.example',
      subject: 's',
      text: 't',
    });
    expect(lines.join('')).toMatch(/SMTP_URL is set but/);
    expect(lines).toHaveLength(2);
  });
});
