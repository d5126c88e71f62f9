/** Stable codes for sealing and opening capture containers. */
export const CONTAINER_CODES = {
  container_malformed: 'The data is not a capture container of a supported version.',
  container_tampered:
    'The container failed its integrity check (modified, truncated or sealed for another key).',
  container_token_invalid: 'The session token presented with the container does not verify.',
  container_token_mismatch: 'The container was sealed for a different session token.',
  container_token_expired: 'The session token of the container has expired.',
  container_replayed: 'The session token of the container has already been used.',
  container_key_invalid: 'The configured container private key cannot be used.',
} as const;

export type ContainerCode = keyof typeof CONTAINER_CODES;

export const SEAL_CODES = {
  seal_token_unreadable: 'The session token cannot be read, so the container cannot be bound to it.',
  seal_public_key_invalid: 'The recipient public key is not a base64 raw P-256 public key.',
  seal_entry_invalid: 'An entry has an empty or duplicate name.',
} as const;

export type SealCode = keyof typeof SEAL_CODES;
