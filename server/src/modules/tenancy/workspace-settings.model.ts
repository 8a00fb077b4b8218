import { z } from 'zod';

/**
 * What a merchant tunes about their assistant, stored as `Workspace.settings`
 * JSON. Every field has a default, so a new or partly filled workspace always
 * reads as a complete, valid settings object.
 */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f4e79');

const dayHours = z.object({ open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/) });

export const workspaceSettingsSchema = z.object({
  assistant: z
    .object({
      name: z.string().trim().min(1).max(40).default('Assistant'),
      avatarUrl: z.string().url().max(2_048).nullable().default(null),
      greeting: z.string().trim().max(300).default('Hi! How can I help you today?'),
      /** Who the assistant is, in the merchant's words; goes into the system prompt. */
      persona: z.string().trim().max(2_000).default(''),
      tone: z.enum(['friendly', 'professional', 'playful', 'concise']).default('friendly'),
      /** Languages the assistant may answer in; empty = whatever the shopper writes. */
      languages: z.array(z.string().min(2).max(10)).max(20).default([]),
      quickReplies: z.array(z.string().trim().min(1).max(60)).max(6).default([]),
    })
    .default({
      name: 'Assistant',
      avatarUrl: null,
      greeting: 'Hi! How can I help you today?',
      persona: '',
      tone: 'friendly',
      languages: [],
      quickReplies: [],
    }),
  branding: z
    .object({
      primaryColor: hexColor.default('#1f4e79'),
      position: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
    })
    .default({ primaryColor: '#1f4e79', position: 'bottom-right' }),
  handoff: z
    .object({
      enabled: z.boolean().default(true),
      /** IANA zone and weekly opening hours; null = people are always reachable. */
      businessHours: z
        .object({
          timezone: z.string().default('UTC'),
          days: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), dayHours),
        })
        .nullable()
        .default(null),
    })
    .default({ enabled: true, businessHours: null }),
});

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** Reads stored settings leniently: unknown or invalid parts fall back to their defaults. */
export function readWorkspaceSettings(stored: unknown): WorkspaceSettings {
  const parsed = workspaceSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const partial = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const key of ['assistant', 'branding', 'handoff'] as const) {
    const section = workspaceSettingsSchema.shape[key].safeParse(partial[key]);
    if (section.success) result[key] = section.data;
  }
  return workspaceSettingsSchema.parse(result);
}

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Whether a person is reachable now, by the workspace's business hours. */
export function isWithinBusinessHours(settings: WorkspaceSettings, now: Date): boolean {
  const hours = settings.handoff.businessHours;
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const weekday = parts
    .find((part) => part.type === 'weekday')
    ?.value.toLowerCase()
    .slice(0, 3);
  const time = `${parts.find((part) => part.type === 'hour')?.value}:${parts.find((part) => part.type === 'minute')?.value}`;
  const day = weekdays.find((name) => name === weekday);
  const today = day ? hours.days[day] : undefined;
  return today !== undefined && time >= today.open && time < today.close;
}
