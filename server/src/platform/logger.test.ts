import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ destination: destination as never }), lines };
}

describe('log redaction', () => {
  it.each([
    ['write to jane.doe+shop@example.co.uk please', 'write to [email] please'],
    ['call me on +1 (415) 555-0199 tomorrow', 'call me on [phone] tomorrow'],
    ['key sk_live_abcdEFGH12345678 leaked', 'key [key] leaked'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [token]'],
    ['order #1042 of 3 items costs 129.00', 'order #1042 of 3 items costs 129.00'],
    ['connect ECONNREFUSED 127.0.0.1:587', 'connect ECONNREFUSED 127.0.0.1:587'],
    ['from 192.168.10.200 call 0044 20 7946 0958', 'from 192.168.10.200 call [phone]'],
  ])('scrubs %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('censors sensitive keys and scrubs nested strings and messages', () => {
    const { log, lines } = capture();
    log.info(
      { email: 'a@b.co', nested: { note: 'reach me at bob@example.com', accessToken: 'shpat_123' }, count: 3 },
      'shopper bob@example.com asked',
    );
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry.email).toBe('[redacted]');
    expect(entry.nested.accessToken).toBe('[redacted]');
    expect(entry.nested.note).toBe('reach me at [email]');
    expect(entry.count).toBe(3);
    expect(entry.msg).toBe('shopper [email] asked');
  });
});
