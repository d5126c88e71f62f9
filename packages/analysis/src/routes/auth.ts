import { Router } from 'express';
import { authBodySchema, issuesOf } from '../app/schemas.js';
import type { SessionService } from '../auth/sessions.js';
import { apiError } from '../domain/errors.js';
import { sendError, TOKEN_HEADER } from '../http/context.js';

export function authRoutes(sessions: SessionService): Router {
  const r = Router();

  r.post('/api/authorize/auth', async (req, res) => {
    const body = authBodySchema.safeParse(req.body);
    if (!body.success)
      return sendError(
        res,
        apiError('INVALID_STRUCTURE', 'Expected {"credentials":{"email","password"}}', issuesOf(body.error)),
      );
    const login = await sessions.login(body.data.credentials.email, body.data.credentials.password);
    if (!login.ok) return sendError(res, login.error);
    const { user, tokens } = login.value;
    res.status(201).json({
      ...tokens,
      user: {
        user_id: user.user_id,
        email: user.email,
        user_type: user.user_type,
        company_id: user.company_id,
      },
    });
  });

  r.post('/api/authorize/refresh', async (req, res) => {
    const expire = typeof req.body?.expire_token === 'string' ? req.body.expire_token : undefined;
    const renewed = await sessions.refresh(req.get(TOKEN_HEADER), expire);
    if (!renewed.ok) return sendError(res, renewed.error);
    res.status(201).json(renewed.value);
  });

  return r;
}
