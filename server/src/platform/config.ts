import path from 'node:path';
import { z } from 'zod';
import { StartupError } from './errors';

/**
 * Every setting Closer reads from the environment, validated once at start-up.
 * The README's configuration table mirrors this schema; keep them together.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = (what: string) =>
  optionalText.refine((value) => value === undefined || URL.canParse(value), {
    message: `must be a URL (${what})`,
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalText.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
    message: 'must start with postgres:// or postgresql://',
  }),
  CLOSER_DATA_DIR: z.string().default('.closer'),
  CLOSER_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  CLOSER_DEMO: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GEMINI_API_KEY: optionalText,
  ANTHROPIC_API_KEY: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl('an OpenAI-compatible endpoint such as http://localhost:11434/v1'),
  ANTHROPIC_BASE_URL: optionalUrl('the Anthropic API base URL'),
  GEMINI_BASE_URL: optionalUrl('the Gemini API base URL'),
  SHOPIFY_API_KEY: optionalText,
  SHOPIFY_API_SECRET: optionalText,
  SHOPIFY_APP_URL: optionalUrl('the public URL of this app'),
  SMTP_URL: optionalUrl('for example smtp://user:pass@mail.example:587'),
  PUBLIC_URL: optionalUrl('the address people open the admin at, for links in emails'),
  CLOSER_CONTENT_PROVIDER_LIMITS: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** Unset → an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Unset → generated once and kept in the data dir (see data-dir.ts). */
  secret: string | undefined;
  seedDemo: boolean;
  logLevel: Env['LOG_LEVEL'];
  ai: {
    gemini: { apiKey?: string; baseURL?: string };
    anthropic: { apiKey?: string; baseURL?: string };
    openai: { apiKey?: string; baseURL?: string };
  };
  shopify: { apiKey?: string; apiSecret?: string; appUrl?: string };
  smtpUrl: string | undefined;
  /** Unset → http://localhost:<port>. Links in emails and the install snippet use it. */
  publicUrl: string | undefined;
  /** "gemini=50/8,openai=10/4": content runs' calls per second / concurrent calls per provider (see modules/content). */
  contentProviderLimits: string | undefined;
}

/** Parses the environment; a bad value throws a StartupError naming the variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const value = environment[name];
    const shown = name.endsWith('KEY') || name.endsWith('SECRET') || value === undefined ? '' : ` (got "${value}")`;
    throw new StartupError(`Invalid setting ${name}${shown}: ${issue?.message ?? 'invalid value'}`);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(cwd, env.CLOSER_DATA_DIR),
    secret: env.CLOSER_SECRET,
    seedDemo: env.CLOSER_DEMO === 'true',
    logLevel: env.LOG_LEVEL,
    ai: {
      gemini: { apiKey: env.GEMINI_API_KEY, baseURL: env.GEMINI_BASE_URL },
      anthropic: { apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL },
      openai: { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL },
    },
    shopify: {
      apiKey: env.SHOPIFY_API_KEY,
      apiSecret: env.SHOPIFY_API_SECRET,
      appUrl: env.SHOPIFY_APP_URL,
    },
    smtpUrl: env.SMTP_URL,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    contentProviderLimits: env.CLOSER_CONTENT_PROVIDER_LIMITS,
  };
}
