import { expect, it } from 'vitest';
import { limits as protocolLimits } from '../../../server/src/modules/conversations/widget-protocol';
import { limits } from './limits';

it('mirrors the protocol’s message length limit', () => {
  expect(limits.messageLength).toBe(protocolLimits.messageLength);
});
