import { useEffect, useRef } from 'preact/hooks';
import { useApp } from './app-context';
import { Composer } from './composer';
import { LeadForm } from './lead-form';
import { MessageList } from './message-list';
import { PanelHeader } from './panel-header';
import { QuickReplies } from './quick-replies';
import { RatingPrompt } from './rating-prompt';
import { StatusBanner } from './status-banner';

const focusable =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex="0"]';

/**
 * The dialog. Modal (and full-screen) on phones only: on a desktop the shopper
 * may keep browsing the store beside it, so focus is not trapped there.
 */
export function ChatPanel() {
  const { ui, controller } = useApp();
  const panel = useRef<HTMLDivElement>(null);
  const isPhone = ui.isPhone.value;

  useEffect(() => {
    // A phone keyboard covering half the screen on open is unwelcome, so there focus goes to the dialog itself.
    const target = isPhone ? panel.current : panel.current?.querySelector<HTMLElement>('textarea');
    (target ?? panel.current)?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      controller.close();
    } else if (event.key === 'Tab' && isPhone && panel.current) {
      const items = [...panel.current.querySelectorAll<HTMLElement>(focusable)];
      const active = (panel.current.getRootNode() as ShadowRoot).activeElement;
      const edge = event.shiftKey ? items[0] : items.at(-1);
      if (active === edge || active === panel.current) {
        event.preventDefault();
        (event.shiftKey ? items.at(-1) : items[0])?.focus();
      }
    }
  };

  return (
    <div
      ref={panel}
      class="panel"
      role="dialog"
      aria-modal={isPhone ? 'true' : undefined}
      aria-labelledby="closer-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <PanelHeader />
      <StatusBanner />
      <MessageList />
      <QuickReplies />
      <LeadForm />
      <RatingPrompt />
      <Composer />
    </div>
  );
}
