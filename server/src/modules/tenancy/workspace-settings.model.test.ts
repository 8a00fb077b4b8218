import { describe, expect, it } from 'vitest';
import { describeOriginProblem } from './allowed-origins.model';
import { isWithinBusinessHours, readWorkspaceSettings, workspaceSettingsSchema } from './workspace-settings.model';

describe('workspace settings', () => {
  it('reads settings stored before the launcher label existed, with the label empty', () => {
    const settings = readWorkspaceSettings({ branding: { primaryColor: '#112233', position: 'bottom-left' } });
    expect(settings.branding).toEqual({ primaryColor: '#112233', position: 'bottom-left', launcherLabel: '' });
  });

  it('falls back per section when a stored section no longer passes (a zone the runtime dropped)', () => {
    const settings = readWorkspaceSettings({
      assistant: { name: 'Ava' },
      handoff: { enabled: false, businessHours: { timezone: 'Atlantis/Capital', days: {} } },
    });
    expect(settings.assistant.name).toBe('Ava');
    expect(settings.handoff).toEqual({ enabled: true, businessHours: null });
  });

  it('accepts opening hours per weekday in a real zone and answers by them', () => {
    const settings = workspaceSettingsSchema.parse({
      handoff: { businessHours: { timezone: 'Europe/Berlin', days: { mon: { open: '09:00', close: '17:30' } } } },
    });
    // Monday 2 March 2026, 16:00 UTC = 17:00 in Berlin; 17:00 UTC = 18:00, closed.
    expect(isWithinBusinessHours(settings, new Date('2026-03-02T16:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(settings, new Date('2026-03-02T17:00:00Z'))).toBe(false);
  });

  it('refuses 24:00 and other impossible times', () => {
    const result = workspaceSettingsSchema.safeParse({
      handoff: { businessHours: { timezone: 'UTC', days: { fri: { open: '09:00', close: '24:00' } } } },
    });
    expect(result.success).toBe(false);
  });
});

describe('allowed origins', () => {
  it('accepts exact https origins, with a port, and plain http for this machine only', () => {
    for (const origin of [
      'https://shop.example',
      'https://shop.example:8443',
      'https://shop.example/',
      'http://localhost:3000',
      'http://127.0.0.1',
    ]) {
      expect(describeOriginProblem(origin), origin).toBeNull();
    }
    expect(describeOriginProblem('http://shop.example')).toMatch(/https/);
    expect(describeOriginProblem('https://shop.example?x=1')).toMatch(/without a path, query or #/);
    expect(describeOriginProblem('https://shop.example#top')).toMatch(/without a path, query or #/);
  });
});
