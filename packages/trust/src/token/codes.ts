/** Stable codes for session-token checks. */
export const TOKEN_CODES = {
  token_malformed: 'The session token is not a well-formed token of this service.',
  token_invalid: 'The session token signature does not verify.',
  token_expired: 'The session token has expired.',
  token_used: 'The session token has already been used.',
} as const;

export type TokenCode = keyof typeof TOKEN_CODES;
