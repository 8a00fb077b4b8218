import { useLayoutEffect, useRef } from 'preact/hooks';
import { Markdown } from '../markdown/render-markdown';
import { useApp } from './app-context';
import { MessageItem } from './message-item';

/**
 * Not a `role="log"`: that is a live region, and a streamed reply would be read
 * out piece by piece. Completed messages are announced through the widget's
 * own live region instead. Follows new content unless the shopper scrolled up.
 */
export function MessageList() {
  const { ui, conversation, pageUrl } = useApp();
  const t = ui.t.value;
  const config = ui.config.value;
  const scroller = useRef<HTMLElement>(null);
  const pinned = useRef(true);
  const messages = [...conversation.earlier.value, ...conversation.messages.value];
  const last = messages.at(-1);
  const typingRole = conversation.typing.value ?? (conversation.awaitingReply.value ? 'assistant' : null);
  const showTyping = typingRole !== null && last?.state !== 'streaming';
  const typingName = (typingRole === 'agent' ? conversation.agentName.value : config?.assistant.name) ?? '';

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  });

  return (
    <section
      ref={scroller}
      class="log"
      aria-label={t('messages')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it (WCAG 2.1.1).
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
    >
      <ol class="messages">
        {config?.assistant.greeting && (
          <li class="message from-assistant">
            <span class="sr-only">{config.assistant.name}: </span>
            <div class="bubble">
              <Markdown text={config.assistant.greeting} base={pageUrl()} />
            </div>
          </li>
        )}
        {messages.map((message) => (
          <MessageItem key={message.key} message={message} />
        ))}
        {showTyping && (
          <li class="message from-assistant">
            <div class="bubble typing">
              <span class="sr-only">{t('typing', { name: typingName })}</span>
              <i />
              <i />
              <i />
            </div>
          </li>
        )}
      </ol>
    </section>
  );
}
