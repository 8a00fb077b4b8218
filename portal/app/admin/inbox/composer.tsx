import { useFetcher } from '@remix-run/react';
import { BlockStack, Button, Checkbox, InlineError, InlineStack, Text, TextField } from '@shopify/polaris';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useAppLayout } from '~/lib/csrf';
import type { ConversationActionResult } from './conversation.server';
import type { ShownMessage } from './inbox-live';

/**
 * Where the team writes: a reply to the shopper, or with the note toggle an
 * internal note. "Suggest a reply" asks the assistant for a draft and puts it
 * here to edit. A resent form keeps its client id, so a retry is stored once.
 */
function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `inbox-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export function Composer(props: {
  status: 'ai' | 'waiting' | 'human' | 'closed';
  onSent: (message: ShownMessage) => void;
}) {
  const { csrfToken } = useAppLayout();
  const send = useFetcher<ConversationActionResult>();
  const suggest = useFetcher<ConversationActionResult>();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const clientId = useRef<string | null>(null);
  const closed = props.status === 'closed';
  const asNote = internal || closed;
  const { onSent } = props;

  useEffect(() => {
    const result = send.data;
    if (send.state !== 'idle' || !result?.ok || !result.message) return;
    onSent(result.message);
    setText('');
    clientId.current = null;
  }, [send.state, send.data, onSent]);

  useEffect(() => {
    const result = suggest.data;
    if (suggest.state !== 'idle' || !result?.ok || !result.suggestion) return;
    setText(result.suggestion.text);
    setInternal(false);
    clientId.current = null;
  }, [suggest.state, suggest.data]);

  const submit = () => {
    if (!text.trim() || send.state !== 'idle') return;
    clientId.current ??= newClientId();
    send.submit(
      { _csrf: csrfToken, intent: asNote ? 'note' : 'reply', text, clientId: clientId.current },
      { method: 'post' },
    );
  };
  // Enter makes a new line (replies are often several); Ctrl or ⌘ + Enter sends.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    }
  };
  const sendFailure = send.data && !send.data.ok ? send.data : null;
  const suggestFailure = suggest.data && !suggest.data.ok ? suggest.data.message : null;

  return (
    <BlockStack gap="200">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: listens for Ctrl+Enter from the text field inside */}
      <div onKeyDown={onKeyDown}>
        <TextField
          label={asNote ? 'Internal note' : 'Reply to the shopper'}
          value={text}
          onChange={(value) => {
            setText(value);
            if (!value) clientId.current = null;
          }}
          multiline={3}
          maxHeight={240}
          autoComplete="off"
          placeholder={asNote ? 'Only your team sees notes.' : 'Write a reply…'}
          helpText={
            closed
              ? 'This conversation is closed: you can still add notes for your team.'
              : props.status !== 'human' && !asNote
                ? 'Sending takes the conversation over from the assistant. Ctrl + Enter sends.'
                : 'Ctrl + Enter sends.'
          }
          error={sendFailure ? (sendFailure.fieldErrors?.text ?? sendFailure.message) : undefined}
        />
      </div>
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Checkbox
          label="Internal note (only your team sees it)"
          checked={asNote}
          disabled={closed}
          onChange={setInternal}
        />
        <InlineStack gap="200">
          {closed ? null : (
            <Button
              onClick={() => suggest.submit({ _csrf: csrfToken, intent: 'suggest' }, { method: 'post' })}
              loading={suggest.state !== 'idle'}
            >
              Suggest a reply
            </Button>
          )}
          <Button variant="primary" onClick={submit} loading={send.state !== 'idle'} disabled={!text.trim()}>
            {asNote ? 'Add note' : 'Send'}
          </Button>
        </InlineStack>
      </InlineStack>
      {suggestFailure ? <InlineError message={suggestFailure} fieldID="suggest-reply" /> : null}
      {suggest.state !== 'idle' ? (
        <Text as="p" variant="bodySm" tone="subdued">
          The assistant is drafting a reply…
        </Text>
      ) : null}
    </BlockStack>
  );
}
