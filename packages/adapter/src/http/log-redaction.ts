import pino, { type DestinationStream, type Logger } from 'pino';

/** A session token in a path (`/api/v1/sessions/<token>/media`) is a bearer credential: never logged. */
const SESSION_IN_PATH = /(\/api\/v1\/sessions\/)[^/?#]+/g;

/** The path with every session token replaced by `:session` (the route pattern's name for it). */
export function redactPath(path: string): string {
  return path.replace(SESSION_IN_PATH, '$1:session');
}

/**
 * Fields no log line may show, wherever a module puts them: session and container tokens, the page's API
 * token, credentials and the headers that carry them. pino's `redact` censors them at serialisation, so a
 * careless `log.info({ token })` cannot leak one.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  'session',
  'session_token',
  'token',
  'api_token',
  'password',
  'authorization',
  '*.session',
  '*.session_token',
  '*.token',
  '*.api_token',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'headers["x-forensic-access-token"]',
  '*.headers.authorization',
  '*.headers["x-forensic-access-token"]',
];

/**
 * The adapter's logger: pino with the redaction above. Without a destination it writes to stdout
 * asynchronously (sonic-boom, not sync): one line per request is logged, and a synchronous write per
 * line cost the event loop about 20 ms per session under load. Lines written while a write is in
 * flight go out together in the next one; pino flushes what is left when the process exits.
 */
export function createAdapterLogger(destination?: DestinationStream): Logger {
  const options = {
    name: 'open-liveness-adapter',
    redact: { paths: [...LOG_REDACT_PATHS], censor: '[redacted]' },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
