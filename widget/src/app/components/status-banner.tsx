import { useApp } from './app-context';

/** Always rendered (empty when there is nothing to say): a status region must exist before its text changes. */
export function StatusBanner() {
  const { ui, conversation, session } = useApp();
  const t = ui.t.value;
  const connection = session.connection.value;
  const status = conversation.status.value;
  const agent =
    conversation.agentName.value ??
    conversation.messages.value.findLast((message) => message.role === 'agent')?.authorName ??
    '';
  const text =
    connection === 'unavailable'
      ? t('unavailable')
      : connection === 'offline'
        ? t('reconnecting')
        : status === 'waiting'
          ? t('waiting')
          : status === 'human'
            ? t('human', { name: agent })
            : status === 'closed'
              ? t('closed')
              : '';
  return (
    <div class="banner" role="status">
      {text}
    </div>
  );
}
