/** Conversations: messages with sequence numbers, visitor identity, handoff, leads. */

export { type AgentEventName, agentAuthSchema, agentEventSchemas } from './agent-protocol';
export { type ConversationEvents, createRecordingEvents } from './conversation.events';
export {
  ConversationClosedError,
  ConversationNotFoundError,
  type MessageParts,
  type ToolRound,
} from './conversation.model';
export {
  appendMessage,
  getConversation,
  listMessagesAfter,
  listRecentMessages,
  updateMessageContent,
} from './conversation.repo';
export {
  type AgentContext,
  addSystemMessage,
  type ConversationDeps,
  findShopperConversation,
  publishMessage,
  receiveShopperMessage,
  type ShopperContext,
  setStatus,
  summarise,
  syncShopperMessages,
} from './conversation.service';
export {
  apiMessageLimit,
  apiMessageRoles,
  getConversationWithMessages,
  listConversationsPage,
} from './conversation-listing.repo';
export {
  closeConversation,
  handBackToAssistant,
  requestHandoff,
  sendAgentMessage,
  takeOverConversation,
} from './handoff.service';
export { captureLead, rateConversation, recordCartAddition } from './lead.service';
export { shopperVisibleRoles, toWireMessage } from './message-wire';
export { issueVisitorToken, readVisitorToken } from './visitor-token';
export * from './widget-protocol';
