import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordWidgetSeen } from '../../modules/tenancy';
import { createInstallAdmin, installSnippet } from './install.admin';
import { createSettingsTestbed } from './settings-admin.fixtures';

let testbed: Awaited<ReturnType<typeof createSettingsTestbed>>;
let install: ReturnType<typeof createInstallAdmin>;

beforeAll(async () => {
  testbed = await createSettingsTestbed();
  install = createInstallAdmin(testbed.deps);
});
afterAll(async () => testbed.drop());

describe('install page', () => {
  it('gives the snippet with the workspace’s own key, and when and where the widget last loaded', async () => {
    const shop = await testbed.workspace('Elm Supplies');
    const other = await testbed.workspace('Fir Supplies');
    const key = await testbed.database.prisma.widgetKey.findFirstOrThrow({ where: { workspaceId: shop.workspaceId } });
    const page = await install.loadInstallPage(shop.owner);
    expect(page.snippet).toBe(
      `<script src="https://closer.test/widget/loader.js" data-key="${key.publicKey}" async></script>`,
    );
    expect(page.lastSeen).toBeNull();
    expect(page.demoStoreUrl).toBeNull();

    const seenAt = new Date('2026-05-01T10:00:00Z');
    await recordWidgetSeen(testbed.database.prisma, key.id, 'https://elm.example', seenAt);
    expect((await install.loadInstallPage(shop.owner)).lastSeen).toEqual({ at: seenAt, origin: 'https://elm.example' });
    // Another workspace sees its own key and its own (empty) history.
    const theirs = await install.loadInstallPage(other.owner);
    expect(theirs.snippet).not.toContain(key.publicKey);
    expect(theirs.lastSeen).toBeNull();
  });

  it('writes the loader URL under the configured public origin', () => {
    expect(installSnippet('https://chat.shop.example/', 'pk_live_abc12345')).toBe(
      '<script src="https://chat.shop.example/widget/loader.js" data-key="pk_live_abc12345" async></script>',
    );
  });
});
