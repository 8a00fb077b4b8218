import { ZodError } from 'zod';
import { TooManyStreamsError } from '../../modules/assistant';
import { ConversationClosedError, ConversationNotFoundError, type ProtocolError } from '../../modules/conversations';
import type { Logger } from '../../platform/logger';
import { RateLimitedError } from '../../platform/rate-limit';

/** Domain errors → protocol errors, in one place. Anything unexpected is ours: logged, never detailed. */
export function toProtocolError(error: unknown, event: string, log: Logger): ProtocolError {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const tooLong = issue?.code === 'too_big' && issue.path[0] === 'text';
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return {
      code: tooLong ? 'message_too_long' : 'invalid_payload',
      message: `${where}${issue?.message ?? 'invalid payload'}`,
      event,
    };
  }
  if (error instanceof RateLimitedError)
    return { code: 'rate_limited', message: error.message, event, retryAfterMs: error.retryAfterMs };
  if (error instanceof TooManyStreamsError)
    return { code: 'too_many_streams', message: error.message, event, retryAfterMs: 5_000 };
  if (error instanceof ConversationNotFoundError) return { code: 'not_found', message: 'No such conversation.', event };
  if (error instanceof ConversationClosedError) return { code: 'conversation_closed', message: error.message, event };
  log.error({ err: error, event }, 'socket event failed');
  return { code: 'internal', message: 'Something went wrong on our side; please try again.', event };
}

type AckFunction = (response: unknown) => void;

/** Acknowledges when the client asked for it; fuzzed or old clients may send no callback at all. */
export function acknowledge(ack: unknown, response: unknown): void {
  if (typeof ack === 'function') (ack as AckFunction)(response);
}
