import { useApp } from './app-context';
import { ChatPanel } from './chat-panel';

/** The panel when open, and the live region, which must exist before anything is announced into it. */
export function WidgetRoot() {
  const { ui } = useApp();
  const { id, text } = ui.announcement.value;
  return (
    <>
      {ui.isOpen.value && ui.config.value && <ChatPanel />}
      <div class="sr-only" aria-live="polite">
        {text && <p key={id}>{text}</p>}
      </div>
    </>
  );
}
