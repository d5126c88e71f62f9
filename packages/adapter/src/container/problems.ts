import { CONTAINER_CODES, type ContainerCode } from '@open-liveness/trust';
import { type Problem, problem } from '../http/problem.js';

/**
 * HTTP status of each container refusal. The plugin turns any `container_*` code into
 * `container_rejected`; the status tells operators and host backends what kind of failure it was.
 */
const STATUS: Readonly<Record<ContainerCode, number>> = {
  container_malformed: 400,
  // Authentic layout but failing its cryptographic checks: well-formed yet unprocessable.
  container_tampered: 422,
  container_token_invalid: 401,
  container_token_expired: 401,
  // Sealed for another session: the token is fine, just not this session's.
  container_token_mismatch: 403,
  container_replayed: 409,
  // The adapter's own key is broken: not the client's fault (checked at start, so unexpected).
  container_key_invalid: 500,
};

export function containerProblem(code: ContainerCode): Problem {
  return problem(STATUS[code], code, CONTAINER_CODES[code]);
}
