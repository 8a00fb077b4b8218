import { limits } from '../limits';
import { useApp } from './app-context';
import { SendIcon } from './icons';

const noticeText = { rate_limited: 'rateLimited', message_too_long: 'tooLong' } as const;

export function Composer() {
  const { ui, session, controller } = useApp();
  const t = ui.t.value;
  const draft = ui.draft.value;
  const notice = session.notice.value;
  const disabled = session.connection.value === 'unavailable';
  const submit = (event: Event) => {
    event.preventDefault();
    controller.send(draft);
  };
  return (
    <form class="composer" onSubmit={submit}>
      <label for="closer-input" class="sr-only">
        {t('message')}
      </label>
      <textarea
        id="closer-input"
        rows={1}
        maxLength={limits.messageLength}
        placeholder={t('placeholder')}
        enterkeyhint="send"
        value={draft}
        disabled={disabled}
        aria-describedby="closer-notice"
        onInput={(event) => ui.setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter sends, Shift+Enter breaks the line; never while an IME is composing (Japanese, Chinese).
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) submit(event);
        }}
      />
      <button type="submit" class="send" aria-label={t('send')} disabled={disabled || !draft.trim()}>
        <SendIcon />
      </button>
      <p id="closer-notice" class="notice" role="status">
        {notice && t(notice.code in noticeText ? noticeText[notice.code as keyof typeof noticeText] : 'failed')}
      </p>
    </form>
  );
}
