import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createProviderPace, defaultProviderLimits, parseProviderLimits } from './provider-pace';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

/** Two nodes' paces over one database, each calling `count` times as fast as it may. */
async function callTimes(
  limits: string,
  count: number,
  before?: (pace: ReturnType<typeof createProviderPace>) => Promise<void>,
) {
  const options = { prisma: database.prisma, limits: parseProviderLimits(limits) };
  const nodes = [createProviderPace(options), createProviderPace(options)];
  await before?.(nodes[0] as ReturnType<typeof createProviderPace>);
  const times: number[] = [];
  await Promise.all(
    nodes.flatMap((pace) =>
      Array.from({ length: 4 }, async () => {
        while (times.length < count) {
          await pace.acquire('gemini');
          times.push(performance.now());
        }
      }),
    ),
  );
  return times.sort((a, b) => a - b).slice(0, count);
}

describe('provider pace', () => {
  it('spaces calls from every node evenly under the allowance, never in a burst', async () => {
    const times = await callTimes('gemini=40/8', 41);
    // 40 intervals at 95 % of 40 a second: just over a second, whatever the number of workers.
    const elapsed = (times.at(-1) as number) - (times[0] as number);
    expect(elapsed).toBeGreaterThan(1_000);
    expect(elapsed).toBeLessThan(3_000);
    // Any 500 ms holds at most half the allowance (and a call of slack for timers).
    for (const [index, start] of times.entries()) {
      const inWindow = times.slice(index).filter((time) => time < start + 500).length;
      expect(inWindow).toBeLessThanOrEqual(21);
    }
  });

  it('holds every node back after a 429 for as long as the vendor asked', async () => {
    const started = performance.now();
    const [first] = await callTimes('gemini=200/8', 5, (pace) => pace.backOff('gemini', 700));
    expect((first as number) - started).toBeGreaterThan(650);
  });

  it('reads limits from CLOSER_CONTENT_PROVIDER_LIMITS and names a bad entry', () => {
    expect(parseProviderLimits('openai=50/8').openai).toEqual({ perSecond: 50, concurrency: 8 });
    expect(parseProviderLimits(undefined)).toEqual(defaultProviderLimits);
    expect(() => parseProviderLimits('openai=fast')).toThrow(/"openai=fast" should look like gemini=50\/8/);
  });
});
