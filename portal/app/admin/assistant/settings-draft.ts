import type { WidgetConfig } from '../../../../server/src/modules/conversations/widget-protocol';
import type { WorkspaceSettings } from '../../../../server/src/modules/tenancy';

/** The settings as the page edits them: the same shape the server validates and stores. */
export type Settings = WorkspaceSettings;
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type FieldErrors = Record<string, string> | undefined;

export const weekdays: Array<{ day: Weekday; name: string }> = [
  { day: 'mon', name: 'Monday' },
  { day: 'tue', name: 'Tuesday' },
  { day: 'wed', name: 'Wednesday' },
  { day: 'thu', name: 'Thursday' },
  { day: 'fri', name: 'Friday' },
  { day: 'sat', name: 'Saturday' },
  { day: 'sun', name: 'Sunday' },
];

export interface WorkspaceFacts {
  name: string;
  locale: string;
  currency: string;
  platform: WidgetConfig['platform'];
}

/** What `/widget/config` would answer once these settings are saved: the preview shows exactly that. */
export function toWidgetConfig(settings: Settings, workspace: WorkspaceFacts): WidgetConfig {
  return {
    workspaceName: workspace.name,
    locale: workspace.locale,
    currency: workspace.currency,
    platform: workspace.platform,
    assistant: {
      name: settings.assistant.name.trim() || 'Assistant',
      avatarUrl: settings.assistant.avatarUrl,
      greeting: settings.assistant.greeting.trim(),
      quickReplies: settings.assistant.quickReplies.map((reply) => reply.trim()).filter(Boolean),
    },
    branding: settings.branding,
  };
}

/** Equal as data: stored JSON comes back with its keys reordered, which is no change. */
export function sameSettings(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface SectionProps {
  draft: Settings;
  update(change: (draft: Settings) => Settings): void;
  errors: FieldErrors;
  readOnly: boolean;
}
