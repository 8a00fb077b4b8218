import { useApp } from './app-context';

/** The latest reply's suggestions, or the assistant's opening ones before anything was said. */
export function QuickReplies() {
  const { ui, conversation, controller } = useApp();
  const messages = conversation.messages.value;
  const last = messages.at(-1);
  const replies =
    messages.length === 0
      ? (ui.config.value?.assistant.quickReplies ?? [])
      : last?.role !== 'shopper' && last?.state === 'complete'
        ? last.quickReplies
        : [];
  if (replies.length === 0 || conversation.status.value === 'closed') return null;
  return (
    <div class="quick">
      {replies.map((reply) => (
        <button key={reply} type="button" class="chip" onClick={() => controller.send(reply)}>
          {reply}
        </button>
      ))}
    </div>
  );
}
