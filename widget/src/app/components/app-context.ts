import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConversationModel } from '../models/conversation.model';
import type { SessionModel } from '../models/session.model';
import type { UiModel } from '../models/ui.model';
import type { WidgetController } from '../widget-controller';

export interface AppServices {
  ui: UiModel;
  session: SessionModel;
  conversation: ConversationModel;
  controller: WidgetController;
  /** The page's address: relative links in messages resolve against the store, not the Closer host. */
  pageUrl(): string;
  /** The Closer host, for its own assets (the assistant's avatar). */
  serverOrigin: string;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppContext is missing');
  return services;
}
