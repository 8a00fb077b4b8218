import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { StartupError } from './errors';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, '/srv/closer');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/closer/.closer');
    expect(config.seedDemo).toBe(true);
    expect(config.ai.openai.apiKey).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '  ' }).databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid setting PORT (got "abc"): must be a number'],
    [{ PORT: '70000' }, 'Invalid setting PORT (got "70000"): must be between 0 and 65535'],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid setting DATABASE_URL (got "mysql://x"): must start with postgres:// or postgresql://',
    ],
    [{ OPENAI_BASE_URL: 'not a url' }, 'Invalid setting OPENAI_BASE_URL (got "not a url"): must be a URL'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid setting LOG_LEVEL (got "loud")'],
  ])('names the variable and the problem for %o', (environment, expected) => {
    expect(() => loadConfig(environment)).toThrow(StartupError);
    expect(() => loadConfig(environment)).toThrow(expected);
  });

  it('never echoes a secret back', () => {
    expect(() => loadConfig({ CLOSER_SECRET: 'short-secret' })).toThrow(
      /^Invalid setting CLOSER_SECRET: must be at least 32 characters$/,
    );
  });
});
