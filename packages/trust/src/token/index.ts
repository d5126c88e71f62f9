export { TOKEN_CODES, type TokenCode } from './codes.js';
export {
  consumeSessionToken,
  DEFAULT_SESSION_TOKEN_TTL_SECONDS,
  type IssueSessionTokenOptions,
  issueSessionToken,
  MIN_TOKEN_SECRET_BYTES,
  randomTokenId,
  readSessionTokenId,
  SESSION_TOKEN_AUDIENCE,
  type SessionTokenClaims,
  tokenSecretProblem,
  type VerifySessionTokenOptions,
  verifySessionToken,
} from './session-token.js';
export { MemoryUsedTokenStore, type UsedTokenStore } from './used-store.js';
