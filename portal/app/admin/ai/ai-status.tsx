import { Banner, List } from '@shopify/polaris';
import type { AiSettingsView } from '../../../../server/src/modules/ai-settings';
import { instanceKeyVariables, providerLabel } from './ai-labels';

/**
 * Says plainly whether this workspace's AI runs, and on whose keys. The
 * layout's banner only knows the instance; a workspace with keys of its own is
 * not offline even when the server has none.
 */
export function AiStatus({ settings }: { settings: AiSettingsView }) {
  if (settings.offline) {
    return (
      <Banner tone="warning" title="AI is in offline mode">
        <p>
          Neither this server nor this workspace has a key for Gemini, Anthropic or OpenAI, so no language model is
          called:
        </p>
        <List>
          <List.Item>
            The assistant still answers shoppers, in the same chat, from your catalog, policies and FAQ alone.
          </List.Item>
          <List.Item>Generated content comes back as a draft marked “[Offline draft]”.</List.Item>
          <List.Item>Conversations are not summarised, so intents and sentiment stay empty on Home.</List.Item>
        </List>
        <p>
          Add a key under Provider keys below, or set {Object.values(instanceKeyVariables).join(', ')} on the server for
          every workspace.
        </p>
      </Banner>
    );
  }
  const sources = settings.providers.flatMap((status) => {
    if (status.workspaceKey) return [`${providerLabel(status.provider)} (your key)`];
    if (status.instanceKey) return [`${providerLabel(status.provider)} (the server's key)`];
    return [];
  });
  const ownKeysOnly = settings.providers.every((status) => !status.instanceKey);
  return (
    <Banner tone="success" title="AI is on">
      <p>
        Available to this workspace: {sources.join(', ')}.
        {ownKeysOnly
          ? ' The server has no key of its own, so it reports offline mode for workspaces without keys; yours has its own.'
          : ''}
      </p>
    </Banner>
  );
}
