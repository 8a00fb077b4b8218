import { z } from 'zod';

/**
 * What a merchant tunes about their assistant, stored as `Workspace.settings`
 * JSON. Every field has a default, so a new or partly filled workspace always
 * reads as a complete, valid settings object.
 */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f4e79');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');
const dayHours = z
  .object({ open: clockTime, close: clockTime })
  .refine((hours) => hours.open < hours.close, { message: 'must close after it opens', path: ['close'] });

/** An IANA zone the runtime knows (`Europe/Berlin`); anything else would break the opening-hours check. */
const timezoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a time zone such as Europe/Berlin' },
);

/** A BCP 47 language tag such as `en`, `de` or `pt-BR`. */
const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as en or pt-BR');

export const workspaceSettingsSchema = z.object({
  assistant: z
    .object({
      name: z.string().trim().min(1, 'must not be empty').max(40, 'at most 40 characters').default('Assistant'),
      avatarUrl: z
        .url({ protocol: /^https$/, message: 'must be an https:// address' })
        .max(2_048)
        .nullable()
        .default(null),
      greeting: z.string().trim().max(300, 'at most 300 characters').default('Hi! How can I help you today?'),
      /** Who the assistant is, in the merchant's words; goes into the system prompt. */
      persona: z.string().trim().max(2_000, 'at most 2,000 characters').default(''),
      tone: z.enum(['friendly', 'professional', 'playful', 'concise']).default('friendly'),
      /** Languages the assistant may answer in; empty = whatever the shopper writes. */
      languages: z.array(languageTag).max(20, 'at most 20 languages').default([]),
      quickReplies: z
        .array(z.string().trim().min(1, 'must not be empty').max(60, 'at most 60 characters'))
        .max(6, 'at most 6 quick replies')
        .default([]),
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
      /** Text on the launcher beside its icon ("Ask Ava"); empty = the round icon button alone. */
      launcherLabel: z.string().trim().max(30, 'at most 30 characters').default(''),
    })
    .default({ primaryColor: '#1f4e79', position: 'bottom-right', launcherLabel: '' }),
  handoff: z
    .object({
      enabled: z.boolean().default(true),
      /** IANA zone and weekly opening hours; null = people are always reachable. */
      businessHours: z
        .object({
          timezone: timezoneSchema.default('UTC'),
          days: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), dayHours),
        })
        .nullable()
        .default(null),
    })
    .default({ enabled: true, businessHours: null }),
  /** How the store writes; applied to every AI content prompt (descriptions, SEO, ads, translations). */
  brandVoice: z
    .object({
      tone: z.string().trim().max(300, 'at most 300 characters').default(''),
      wordsToUse: z
        .array(z.string().trim().min(1).max(40, 'at most 40 characters'))
        .max(30, 'at most 30 words')
        .default([]),
      wordsToAvoid: z
        .array(z.string().trim().min(1).max(40, 'at most 40 characters'))
        .max(30, 'at most 30 words')
        .default([]),
      /** Short passages in the store's voice, quoted to the model as style references. */
      examples: z
        .array(z.string().trim().min(1).max(1_000, 'at most 1,000 characters'))
        .max(3, 'at most 3 examples')
        .default([]),
      descriptionLength: z.enum(['short', 'medium', 'long']).default('medium'),
    })
    .default({ tone: '', wordsToUse: [], wordsToAvoid: [], examples: [], descriptionLength: 'medium' }),
});

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** Reads stored settings leniently: unknown or invalid parts fall back to their defaults. */
export function readWorkspaceSettings(stored: unknown): WorkspaceSettings {
  const parsed = workspaceSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const partial = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const key of ['assistant', 'branding', 'handoff', 'brandVoice'] as const) {
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
