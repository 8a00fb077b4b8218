/** Mirrors `limits` in the protocol module, which cannot be imported as a value without bringing zod along. */
export const limits = { messageLength: 2_000 } as const;
