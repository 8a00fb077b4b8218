/** The storefront assistant: grounded, tool-using replies streamed to shoppers. */
export {
  type AssistantDeps,
  handleShopperMessage,
  replyToShopper,
  TooManyStreamsError,
  type WorkspaceProfile,
} from './assistant.service';
export { assistantTools } from './assistant.tools';
export { analysisSchema, analyzeConversation, quietAfterSeconds } from './conversation-analysis';
export { createFacts, createGroundedStream, findClaims, isGrounded } from './grounding';
export {
  NothingToSuggestError,
  type ReplySuggestion,
  type ReplySuggestionDeps,
  suggestReply,
} from './reply-suggestion';
export { createStreamLimiter, type StreamLimiter } from './stream-limiter';
