import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * Logs must never carry what a shopper or merchant would not want copied into
 * a log service: emails, phone numbers, keys and tokens. Keys with sensitive
 * names are censored by pino's `redact`; free text (messages, error strings,
 * shopper questions) is scrubbed by pattern, because PII mostly hides there.
 */
const sensitiveKeys = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'visitorToken',
  'apiKey',
  'secret',
  'authorization',
  'cookie',
  'email',
  'phone',
];

const redactPaths = [
  ...sensitiveKeys,
  ...sensitiveKeys.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-shopify-hmac-sha256"]',
];

const patterns: Array<[RegExp, string]> = [
  [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, '[email]'],
  [/\b(?:sk|pk|rk)_(?:live|test|demo)?_?[A-Za-z0-9]{8,}\b/g, '[key]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [token]'],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '[jwt]'],
  // Phone numbers: a + or digit, then 7+ digits with common separators.
  // An IPv4 address (127.0.0.1:587 in a mail error) is not a phone number.
  [/(?<![\w.-])(?!\d{1,3}(?:\.\d{1,3}){3}(?!\d))\+?\d[\d\s().-]{6,}\d(?![\w.-])/g, '[phone]'],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack && redactText(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = redactValue(item, depth + 1);
  return result;
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: {
        log: (object) => redactValue(object, 0) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}
