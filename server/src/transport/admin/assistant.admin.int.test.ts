import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ForbiddenError } from '../../modules/identity';
import { searchKnowledge } from '../../modules/knowledge';
import { isOriginAllowed } from '../../modules/tenancy';
import { classifyAdminError } from './admin-errors';
import { createAssistantAdmin } from './assistant.admin';
import { createSettingsTestbed } from './settings-admin.fixtures';

let testbed: Awaited<ReturnType<typeof createSettingsTestbed>>;
let assistant: ReturnType<typeof createAssistantAdmin>;
let shop: Awaited<ReturnType<typeof testbed.workspace>>;
let otherShop: Awaited<ReturnType<typeof testbed.workspace>>;

beforeAll(async () => {
  testbed = await createSettingsTestbed();
  assistant = createAssistantAdmin(testbed.deps);
  shop = await testbed.workspace('Alpine Outfitters');
  otherShop = await testbed.workspace('Beach Outfitters');
});
afterAll(async () => testbed.drop());

/** The failure the admin would show for what `run` throws. */
async function failureOf(run: () => Promise<unknown>) {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'expected a failure').toBeDefined();
  return { error, failure: classifyAdminError(error) };
}

const validSettings = {
  assistant: {
    name: ' Ava ',
    avatarUrl: null,
    greeting: 'Welcome to Alpine! Ask me about boots.',
    persona: 'A mountain guide who knows every boot we sell.',
    tone: 'professional',
    languages: ['de', 'en'],
    quickReplies: ['Track my order', 'Returns'],
  },
  branding: { primaryColor: '#0A7F3F', position: 'bottom-left', launcherLabel: 'Ask Ava' },
  handoff: {
    enabled: true,
    businessHours: { timezone: 'Europe/Zurich', days: { mon: { open: '08:30', close: '18:00' } } },
  },
};

describe('assistant settings', () => {
  it('reads complete defaults for a new workspace', async () => {
    const page = await assistant.loadAssistantPage(shop.owner);
    expect(page.settings.assistant.greeting).toBe('Hi! How can I help you today?');
    expect(page.settings.branding).toEqual({ primaryColor: '#1f4e79', position: 'bottom-right', launcherLabel: '' });
    expect(page.workspace).toMatchObject({ name: 'Alpine Outfitters', platform: 'custom' });
    expect(page.allowedOrigins).toEqual([]);
    expect(page.hasWidgetKey).toBe(true);
    expect(page.policies).toMatchObject({ articles: [], total: 0, page: 1, pageCount: 1 });
  });

  it('saves valid settings (trimmed), and the next read and the widget see them', async () => {
    const saved = await assistant.saveSettings(shop.owner, validSettings);
    expect(saved.settings.assistant.name).toBe('Ava');
    const page = await assistant.loadAssistantPage(shop.owner);
    expect(page.settings).toEqual(saved.settings);
    expect(page.settings.branding.launcherLabel).toBe('Ask Ava');
    const audit = await testbed.database.prisma.auditLog.findFirst({
      where: { workspaceId: shop.workspaceId, action: 'workspace.settings_changed' },
    });
    expect(audit?.actorId).toBe(shop.owner.userId);
  });

  it('says precisely which field is wrong and why, and saves nothing', async () => {
    const cases: Array<[string, unknown, string, string]> = [
      ['colour', { branding: { primaryColor: 'blue' } }, 'branding.primaryColor', 'must be a colour like #1f4e79'],
      [
        'hours',
        { handoff: { businessHours: { timezone: 'UTC', days: { tue: { open: '17:00', close: '09:00' } } } } },
        'handoff.businessHours.days.tue.close',
        'must close after it opens',
      ],
      [
        'time',
        { handoff: { businessHours: { timezone: 'UTC', days: { wed: { open: '9am', close: '17:00' } } } } },
        'handoff.businessHours.days.wed.open',
        'must be a time like 09:00',
      ],
      [
        'zone',
        { handoff: { businessHours: { timezone: 'Mars/Olympus', days: {} } } },
        'handoff.businessHours.timezone',
        'must be a time zone such as Europe/Berlin',
      ],
      ['language', { assistant: { languages: ['English'] } }, 'assistant.languages.0', 'must be a language code'],
      ['greeting', { assistant: { greeting: 'x'.repeat(301) } }, 'assistant.greeting', 'at most 300 characters'],
      ['label', { branding: { launcherLabel: 'y'.repeat(31) } }, 'branding.launcherLabel', 'at most 30 characters'],
      ['avatar', { assistant: { avatarUrl: 'javascript:alert(1)' } }, 'assistant.avatarUrl', 'must be an https://'],
    ];
    const before = await assistant.loadAssistantPage(shop.owner);
    for (const [label, input, field, message] of cases) {
      const { error, failure } = await failureOf(() => assistant.saveSettings(shop.owner, input));
      expect(error, label).toBeInstanceOf(ZodError);
      expect(failure?.status, label).toBe(400);
      expect(failure?.fieldErrors?.[field], label).toContain(message);
      expect(failure?.message, label).toContain(field);
    }
    expect((await assistant.loadAssistantPage(shop.owner)).settings).toEqual(before.settings);
  });

  it('lets agents and viewers read the settings but not change them, whatever role they claim', async () => {
    for (const role of ['agent', 'viewer'] as const) {
      const member = await shop.member(role);
      await expect(assistant.loadAssistantPage(member)).resolves.toBeTruthy();
      const { error, failure } = await failureOf(() => assistant.saveSettings({ ...member, role: 'owner' }, {}));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(failure?.status).toBe(403);
      await expect(assistant.saveAllowedOrigins(member, [])).rejects.toThrow(ForbiddenError);
      await expect(assistant.createArticle(member, { kind: 'faq', title: 'Q?', body: 'A.' })).rejects.toThrow(
        ForbiddenError,
      );
    }
    const admin = await shop.member('admin');
    await expect(assistant.saveSettings(admin, validSettings)).resolves.toBeTruthy();
  });
});

describe('allowed origins', () => {
  it('stores exact origins, normalised and without duplicates, and the widget obeys them', async () => {
    const saved = await assistant.saveAllowedOrigins(shop.owner, [
      'https://Shop.Example/',
      'https://shop.example',
      'https://shop.example:8443',
      'http://localhost:3000',
    ]);
    expect(saved.allowedOrigins).toEqual([
      'https://shop.example',
      'https://shop.example:8443',
      'http://localhost:3000',
    ]);
    const key = await testbed.database.prisma.widgetKey.findFirstOrThrow({ where: { workspaceId: shop.workspaceId } });
    expect(key.allowedOrigins).toEqual(saved.allowedOrigins);
    expect(isOriginAllowed('https://shop.example', key.allowedOrigins)).toBe(true);
    expect(isOriginAllowed('https://evil.example', key.allowedOrigins)).toBe(false);
    // The other workspace's key is untouched.
    const other = await testbed.database.prisma.widgetKey.findFirstOrThrow({
      where: { workspaceId: otherShop.workspaceId },
    });
    expect(other.allowedOrigins).toEqual([]);
  });

  it('refuses anything but an origin, saying what to write instead', async () => {
    const cases: Array<[string, string]> = [
      ['https://shop.example/checkout', 'without a path, query or #: use https://shop.example'],
      ['http://shop.example', 'must start with https://'],
      ['https://*.shop.example', 'wildcards are not supported'],
      ['shop.example', 'must look like https://shop.example'],
      ['https://user:pw@shop.example', 'must not contain a user name or password'],
    ];
    for (const [origin, message] of cases) {
      const { failure } = await failureOf(() =>
        assistant.saveAllowedOrigins(shop.owner, ['https://ok.example', origin]),
      );
      expect(failure?.status, origin).toBe(400);
      expect(failure?.fieldErrors?.['1'], origin).toContain(message);
    }
    const page = await assistant.loadAssistantPage(shop.owner);
    expect(page.allowedOrigins).toContain('https://shop.example');
  });

  it('goes back to "any site" with an empty list', async () => {
    await expect(assistant.saveAllowedOrigins(shop.owner, [])).resolves.toEqual({ allowedOrigins: [] });
  });
});

describe('policies and FAQ', () => {
  it('creates, lists, edits and deletes, and the assistant finds what was written', async () => {
    const { article: policy } = await assistant.createArticle(shop.owner, {
      kind: 'policy',
      topic: 'returns',
      title: 'Returns',
      body: 'Boots can be returned within 60 days, unworn, for a full refund.',
    });
    const { article: faq } = await assistant.createArticle(shop.owner, {
      kind: 'faq',
      topic: 'ignored for FAQ',
      title: 'Do you resole hiking boots?',
      body: 'Yes: our cobbler resoles any boot we sold for $49.',
    });
    expect(faq.topic).toBeNull();
    const page = await assistant.loadAssistantPage(shop.owner);
    expect(page.policies.articles.map((article) => article.id)).toEqual([policy.id]);
    expect(page.faq.articles.map((article) => article.id)).toEqual([faq.id]);
    const hits = await searchKnowledge(testbed.database.prisma, shop.workspaceId, 'can you resole my boots');
    expect(hits[0]?.id).toBe(faq.id);

    const { article: edited } = await assistant.updateArticle(shop.owner, policy.id, {
      kind: 'policy',
      topic: 'returns',
      title: 'Returns and exchanges',
      body: 'Boots can be returned or exchanged within 90 days.',
    });
    expect(edited).toMatchObject({ title: 'Returns and exchanges', topic: 'returns' });
    await assistant.deleteArticle(shop.owner, faq.id);
    expect((await assistant.loadAssistantPage(shop.owner)).faq.total).toBe(0);
  });

  it('pages long lists 25 at a time', async () => {
    for (let index = 0; index < 27; index++) {
      await assistant.createArticle(otherShop.owner, { kind: 'faq', title: `Question ${index}?`, body: 'An answer.' });
    }
    const second = (await assistant.loadAssistantPage(otherShop.owner, { faqPage: 2 })).faq;
    expect(second).toMatchObject({ total: 27, page: 2, pageCount: 2 });
    expect(second.articles).toHaveLength(2);
    expect((await assistant.loadAssistantPage(otherShop.owner, { faqPage: 1 })).faq.articles).toHaveLength(25);
  });

  it('treats another workspace’s article exactly like a missing one', async () => {
    const { article } = await assistant.createArticle(otherShop.owner, {
      kind: 'policy',
      topic: 'shipping',
      title: 'Shipping',
      body: 'Free over $50.',
    });
    const input = { kind: 'policy', topic: 'shipping', title: 'Hijacked', body: 'Everything is free.' };
    for (const id of [article.id, '0195a0c4-0000-7000-8000-000000000000', 'not-a-uuid']) {
      const edit = await failureOf(() => assistant.updateArticle(shop.owner, id, input));
      const removal = await failureOf(() => assistant.deleteArticle(shop.owner, id));
      expect(edit.failure).toEqual({ status: 404, message: 'No such policy or FAQ entry (it may have been deleted).' });
      expect(removal.failure).toEqual(edit.failure);
    }
    const untouched = await testbed.database.prisma.knowledgeArticle.findUniqueOrThrow({ where: { id: article.id } });
    expect(untouched.title).toBe('Shipping');
  });

  it('validates each field of an article', async () => {
    const { failure } = await failureOf(() =>
      assistant.createArticle(shop.owner, { kind: 'policy', topic: 'weather', title: ' ', body: '' }),
    );
    expect(failure?.fieldErrors).toMatchObject({
      topic: expect.stringContaining('must be one of shipping, returns'),
      title: 'must not be empty',
      body: 'must not be empty',
    });
    const kind = await failureOf(() => assistant.createArticle(shop.owner, { kind: 'page', title: 'x', body: 'y' }));
    expect(kind.failure?.fieldErrors?.kind).toBe('must be policy or faq');
  });
});
