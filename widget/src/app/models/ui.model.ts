import { computed, createModel, signal } from '@preact/signals';
import { pickLanguage } from '../../shared/locale-preference';
import type { WidgetConfig } from '../../shared/widget-contract';
import { en, type StringKey, supportedLanguages, translate, type UiStrings } from '../i18n/translate';

/**
 * What the shopper sees of the widget itself: open or closed, the config, the
 * language, announcements for screen readers, unread count, phone layout.
 * `preferred` is the page's list of language tags (see shared/locale-preference).
 */
export const UiModel = createModel((preferred: readonly string[]) => {
  const config = signal<WidgetConfig | null>(null);
  const isOpen = signal(false);
  const isPhone = signal(false);
  const override = signal<string | null>(null);
  const draft = signal('');
  const unread = signal(0);
  const announcement = signal({ id: 0, text: '' });
  const loadedStrings = signal<Record<string, UiStrings>>({ en });

  /** The tag sent to the server (the assistant answers in it) and used by Intl; may be more precise than `language`. */
  const localeTag = computed(() => override.value ?? preferred[0] ?? config.value?.locale ?? 'en');
  const language = computed(() =>
    pickLanguage(
      [...(override.value ? [override.value] : []), ...preferred, config.value?.locale ?? 'en'],
      supportedLanguages,
    ),
  );
  /** English until the language's module has arrived. */
  const t = computed(() => {
    const strings = loadedStrings.value[language.value] ?? en;
    return (key: StringKey, values?: Record<string, string | number>) => translate(strings, key, values);
  });
  const hasStrings = computed(() => language.value in loadedStrings.value);

  return {
    config,
    isOpen,
    isPhone,
    draft,
    unread,
    announcement,
    localeTag,
    language,
    t,
    hasStrings,
    addStrings(code: string, strings: UiStrings) {
      loadedStrings.value = { ...loadedStrings.value, [code]: strings };
    },
    configure(next: WidgetConfig) {
      config.value = next;
    },
    open() {
      isOpen.value = true;
      unread.value = 0;
    },
    close() {
      isOpen.value = false;
    },
    setLocale(tag: string) {
      override.value = tag;
    },
    setPhone(value: boolean) {
      isPhone.value = value;
    },
    setDraft(text: string) {
      draft.value = text;
    },
    /** Each call makes a new node in the live region, so the same words twice are still read twice. */
    announce(text: string) {
      announcement.value = { id: announcement.value.id + 1, text };
    },
    countUnread() {
      if (!isOpen.value) unread.value++;
    },
  };
});

export type UiModel = InstanceType<typeof UiModel>;
