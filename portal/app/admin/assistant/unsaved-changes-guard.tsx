import { useBeforeUnload, useBlocker } from '@remix-run/react';
import { Modal, Text } from '@shopify/polaris';
import { useCallback } from 'react';

/**
 * Asks before unsaved settings are lost: the browser's own prompt when the tab
 * closes or reloads, a dialog when a link inside the admin leads away.
 * Changing only the query (the FAQ's page) keeps the edits and is not asked about.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (dirty) event.preventDefault();
      },
      [dirty],
    ),
  );
  return (
    <Modal
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      primaryAction={{ content: 'Leave and discard', destructive: true, onAction: () => blocker.proceed?.() }}
      secondaryActions={[{ content: 'Keep editing', onAction: () => blocker.reset?.() }]}
    >
      <Modal.Section>
        <Text as="p">Your changes to the assistant have not been saved.</Text>
      </Modal.Section>
    </Modal>
  );
}
