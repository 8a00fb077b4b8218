import { effect } from '@preact/signals';
import type { UiModel } from '../models/ui.model';
import type { LocaleImporter } from './translate';

/** Imports the strings of whichever language the shopper ends up with (once each; a failure may retry later). */
export function loadLanguages(ui: UiModel, importLocale: LocaleImporter): () => void {
  const requested = new Set(['en']);
  return effect(() => {
    const code = ui.language.value;
    if (requested.has(code)) return;
    requested.add(code);
    importLocale(code).then(
      (module) => ui.addStrings(code, module.strings),
      (error) => {
        requested.delete(code);
        console.warn(`[Closer] no "${code}" strings; English it is`, error);
      },
    );
  });
}

/** Resolves once the current language's strings are in, or after `maxWaitMs` (English stands in meanwhile). */
export function whenStringsReady(ui: UiModel, maxWaitMs = 1_500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, maxWaitMs);
    let stop: (() => void) | undefined;
    function finish() {
      clearTimeout(timer);
      stop?.();
      resolve();
    }
    stop = effect(() => {
      if (ui.hasStrings.value) queueMicrotask(finish);
    });
  });
}
