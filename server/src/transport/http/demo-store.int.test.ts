import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../app';
import { signUp } from '../../modules/identity';
import { strongPassword, uniqueEmail } from '../../modules/identity/identity.fixtures';
import { createTestStore, type TestStore } from '../../testing/closer-harness';

/** The demo storefront with the demo's own widget, or with the widget of a team that just signed up (`?key=`). */
let store: TestStore;
let closer: Closer;
let teamKey: string;

beforeAll(async () => {
  store = await createTestStore({ productCount: 12 });
  closer = await store.start();
  const team = await signUp(
    { prisma: closer.database.prisma, clock: () => new Date() },
    { email: uniqueEmail('demo'), password: strongPassword, name: 'New Team', workspaceName: 'New Team Shop' },
  );
  teamKey = team.widgetKey;
});
afterAll(async () => store.drop());

const page = async (path: string) => {
  const response = await fetch(`${closer.url}${path}`);
  return { status: response.status, html: await response.text() };
};
const installedKeys = (html: string) => [...html.matchAll(/data-key="([^"]+)"/g)].map((match) => match[1]);

describe('/demo', () => {
  it('installs the demo widget by default', async () => {
    const { status, html } = await page('/demo');
    expect(status).toBe(200);
    expect(installedKeys(html)).toEqual([store.widgetKey]);
  });

  it('installs another live widget key from ?key= and keeps it in every link', async () => {
    const { status, html } = await page(`/demo?key=${teamKey}`);
    expect(status).toBe(200);
    expect(installedKeys(html)).toEqual([teamKey]);
    const links = [...html.matchAll(/<a [^>]*href="(\/demo[^"]*)"/g)].map((match) =>
      (match[1] ?? '').replaceAll('&#38;', '&'),
    );
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(new URL(link, closer.url).searchParams.get('key')).toBe(teamKey);

    const product = links.find((link) => link.startsWith('/demo/products/')) as string;
    const productPage = await page(product);
    expect(productPage.status).toBe(200);
    expect(installedKeys(productPage.html)).toEqual([teamKey]);
  });

  it('refuses a malformed key, and one that does not exist or was revoked', async () => {
    expect((await page('/demo?key=%22%3E%3Cscript%3E')).status).toBe(400);
    expect((await page('/demo?key=pk_live_doesnotexist123')).status).toBe(404);
    await closer.database.prisma.widgetKey.updateMany({
      where: { publicKey: teamKey },
      data: { revokedAt: new Date() },
    });
    expect((await page(`/demo?key=${teamKey}`)).status).toBe(404);
  });
});
