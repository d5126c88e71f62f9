import type { ApiError } from '../api-client/index.js';
import { type Problem, problem } from '../http/problem.js';

/**
 * How an analysis-API failure reaches the plugin. The API's own texts stay in the log: they can name
 * internal hosts or accounts. Codes are the client's stable `api_*` codes.
 */
export function apiProblem(error: ApiError): Problem {
  switch (error.code) {
    case 'api_unavailable':
      return problem(503, error.code, 'The analysis service is unavailable; please try again later.');
    case 'api_poll_timeout':
    case 'api_aborted':
      return problem(504, error.code, error.message);
    case 'api_no_token':
      return problem(401, error.code, error.message);
    case 'api_not_found':
      return problem(404, error.code, 'The analysis folder of this session was not found.');
    default:
      return problem(502, error.code, error.message);
  }
}
