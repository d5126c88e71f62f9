import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import { originRefusalOf } from '../http/api-origin.js';
import { problem, sendProblem } from '../http/problem.js';
import { requestOrigin, sessionLicense } from '../licensing/for-request.js';
import { resolveActions } from '../session/actions.js';
import { sessionOptions } from '../session/options.js';
import { freshClaims, signSession } from '../session/token.js';
import type { ProtocolDeps } from './deps.js';
import { jsonBody } from './json-body.js';

const EVENT_ID = /^[A-Za-z0-9-]{8,64}$/;

const bodySchema = z.looseObject({
  event_session_id: z.string().regex(EVENT_ID).optional(),
  actions: z.array(z.string().max(64)).max(20).optional(),
  meta: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
      z.union([z.string().max(1024), z.number(), z.boolean()]).transform(String),
    )
    .optional(),
  token: z.string().min(1).max(8192).optional(),
  license: z.unknown().optional(),
  origin: z.string().max(2048).optional(),
});

/** `POST api/v1/sessions` (protocol.md §1): licence, actions, options, and a signed session token. */
export function sessionsRouter(deps: ProtocolDeps): Router {
  const router = express.Router();
  router.post('/api/v1/sessions', jsonBody(deps.config.limits.json_body_bytes), async (req, res) => {
    const parsed = bodySchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      sendProblem(
        res,
        problem(
          400,
          'session_bad_request',
          `invalid ${first?.path.join('.') || 'body'}: ${first?.message ?? ''}`,
        ),
      );
      return;
    }
    const body = parsed.data;
    const { config } = deps;
    const origin = requestOrigin(req, body.origin);
    const refusal = originRefusalOf(res);
    const pageLicense = body.license !== undefined && body.license !== null;
    // The origin policy has admitted or refused the page (http/api-origin.ts). A page licence
    // (open({license}) / licenseUrl) replaces the installed one: it must hold for this origin, and it
    // admits an origin the policy refused.
    const license = sessionLicense(deps.license, origin, body.license);
    const judged = deps.config.license_required && pageLicense;
    if (judged && !license.verdict.ok) {
      const { code, message, host, detail } = license.verdict;
      deps.log.warn({ code, host, detail }, 'session refused: page licence');
      sendProblem(res, problem(403, code, message));
      return;
    }
    if (refusal !== undefined && !(judged && license.verdict.ok)) {
      deps.log.warn({ code: refusal.code, origin }, 'session refused: origin');
      sendProblem(res, problem(403, refusal.code, refusal.message));
      return;
    }
    const boundOrigin = refusal !== undefined && origin !== null ? origin : undefined;
    const actions = resolveActions(config, body.actions);
    if (!actions.ok) {
      sendProblem(
        res,
        problem(
          400,
          actions.code,
          `action ${JSON.stringify(actions.action)} is not accepted by this adapter`,
        ),
      );
      return;
    }
    // api_use_token: client — the page's token is the only credential; without it nothing can be sent.
    const clientToken = config.api_use_token === 'client' ? body.token : undefined;
    if (config.api_use_token === 'client' && config.architecture !== 'capture' && clientToken === undefined) {
      sendProblem(res, problem(400, 'api_no_token', 'api_use_token is "client": pass open({token})'));
      return;
    }
    const sid = body.event_session_id ?? req.get('x-event-session-id') ?? randomUUID();
    const eventSessionId = EVENT_ID.test(sid) ? sid : randomUUID();
    // api_use_session_token: api — a fresh single-use container token, bound to this session by its id.
    const container = deps.container;
    const containerToken =
      container !== undefined && config.api_use_session_token === 'api'
        ? await container.tokens.issue(deps.now())
        : undefined;
    const claims = freshClaims(
      {
        sid: eventSessionId,
        nonce: randomUUID(),
        actions: actions.actions,
        ...(actions.challenge ? { challenge: true } : {}),
        meta: body.meta ?? {},
        ...(clientToken ? { api_token: clientToken } : {}),
        ...(containerToken ? { container_jti: containerToken.jti } : {}),
        ...(boundOrigin ? { origin: boundOrigin } : {}),
      },
      deps.now(),
    );
    res.json({
      session: signSession(deps.sessionSecret, claims),
      event_session_id: eventSessionId,
      ...sessionOptions(config, deps.nodeEnv, container?.keys.publicKey ?? null),
      session_token: containerToken?.token ?? null,
      actions: actions.actions,
      license: deps.config.license_required
        ? { code: 'ok', valid: true }
        : { code: 'ok', valid: true, enforced: false },
    });
  });
  return router;
}
