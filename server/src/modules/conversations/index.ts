/** Conversations: messages with sequence numbers, visitor identity, handoff, leads, and the team's inbox (lists, transcripts, assignment). */

export { type AgentEventName, agentAuthSchema, agentEventSchemas, agentReadEvents } from './agent-protocol';
export { assignConversation } from './assignment.service';
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
export { customerTokenTtlMs, issueCustomerToken, readCustomerToken, toShopifyCustomerGid } from './customer-token';
export {
  closeConversation,
  handBackToAssistant,
  requestHandoff,
  sendAgentMessage,
  takeOverConversation,
} from './handoff.service';
export {
  AssigneeNotFoundError,
  type InboxConversation,
  type InboxCounts,
  type InboxFilter,
  type InboxRow,
  InvalidInboxCursorError,
  inboxAssignSchema,
  inboxFilters,
  inboxListQuerySchema,
  inboxPageSize,
  inboxReplySchema,
  type TranscriptMessage,
  type TranscriptToolCall,
  transcriptPageSize,
  transcriptQuerySchema,
} from './inbox.model';
export { countInbox, decodeInboxCursor, encodeInboxCursor, listInboxPage } from './inbox-listing.repo';
export { getInboxConversation, listTranscript, toTranscriptMessage } from './inbox-transcript.repo';
export { captureLead, rateConversation, recordCartAddition } from './lead.service';
export { shopperVisibleRoles, toWireMessage } from './message-wire';
export {
  describeStorefrontEmbed,
  type StorefrontEmbed,
  StorefrontNotFoundError,
} from './storefront-embed.service';
export { issueVisitorToken, readVisitorToken } from './visitor-token';
export * from './widget-protocol';
