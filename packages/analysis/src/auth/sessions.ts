import { randomBytes, randomUUID } from 'node:crypto';
import { type ApiError, apiError, err, ok, type Result } from '../domain/errors.js';
import { nowSeconds } from '../domain/time.js';
import type { SessionRecord } from '../domain/types.js';
import type { MetadataStore } from '../storage/types.js';
import { signJwt, verifyJwt } from './jwt.js';
import type { User, UserDirectory } from './users.js';

export interface TokenPair {
  access_token: string;
  expire_token: string;
  token_id: string;
  expire_date: number;
}

export interface SessionPolicy {
  /** Access token lifetime in seconds (Oz `OZ_SESSION_TTL`, default 15 min). */
  accessTtl: number;
  /** Lifetime of the expire (refresh) token in seconds. */
  refreshTtl: number;
  /** Move the access expiry to now + TTL on every authenticated request. */
  sliding: boolean;
}

export interface AuthContext {
  user: User;
  session: SessionRecord;
}

/** Seconds the sliding expiry must gain before it is written again. */
export function slideStep(accessTtl: number): number {
  return Math.min(30, accessTtl / 10);
}

/** Issues, checks and renews token pairs; state lives in the metadata store. */
export class SessionService {
  constructor(
    private readonly store: MetadataStore,
    private readonly users: UserDirectory,
    private readonly secret: Uint8Array,
    private readonly policy: SessionPolicy,
    private readonly clock: () => number = Date.now,
  ) {}

  private async issue(user: User, replaces: string | null): Promise<TokenPair> {
    const now = nowSeconds(this.clock);
    const session: SessionRecord = {
      session_id: randomUUID(),
      user_id: user.user_id,
      access_token_id: randomUUID(),
      expire_token: randomBytes(32).toString('base64url'),
      access_expires_at: now + this.policy.accessTtl,
      expire_token_expires_at: now + this.policy.refreshTtl,
      replaces,
    };
    await this.store.putSession(session);
    const access = signJwt(
      {
        sub: user.user_id,
        sid: session.session_id,
        jti: session.access_token_id,
        iat: Math.floor(now),
        exp: Math.floor(session.access_expires_at),
      },
      this.secret,
    );
    return {
      access_token: access,
      expire_token: session.expire_token,
      token_id: session.session_id,
      expire_date: session.access_expires_at,
    };
  }

  async login(email: string, password: string): Promise<Result<{ user: User; tokens: TokenPair }, ApiError>> {
    const user = this.users.authenticate(email, password);
    if (!user) return err(apiError('AUTH_INVALID', 'Invalid credentials'));
    return ok({ user, tokens: await this.issue(user, null) });
  }

  async authenticate(token: string | undefined): Promise<Result<AuthContext, ApiError>> {
    if (!token) return err(apiError('AUTH_NOT_PROVIDED', 'Authentication credentials were not provided'));
    const claims = verifyJwt(token, this.secret);
    if (!claims) return err(apiError('AUTH_INVALID', 'Invalid access token'));
    const session = await this.store.getSession(claims.sid);
    if (!session || session.access_token_id !== claims.jti)
      return err(apiError('AUTH_INVALID', 'Session not found'));
    const now = nowSeconds(this.clock);
    if (session.access_expires_at <= now) return err(apiError('AUTH_EXPIRED', 'Access token expired'));
    const user = this.users.byId(session.user_id);
    if (!user) return err(apiError('AUTH_INVALID', 'User no longer exists'));
    let current = session;
    if (session.replaces) {
      // First use of a refreshed pair retires the pair it replaced.
      await this.store.deleteSession(session.replaces);
      current = { ...current, replaces: null };
    }
    // Sliding expiry is written in steps (a tenth of the TTL, at most 30 s), not on every request:
    // a client polling results several times a second would otherwise cost a database write each time.
    // A token therefore lapses at most one step before exactly TTL after its last use.
    const slid = now + this.policy.accessTtl;
    if (this.policy.sliding && slid - session.access_expires_at >= slideStep(this.policy.accessTtl))
      current = { ...current, access_expires_at: slid };
    if (current !== session) await this.store.putSession(current);
    return ok({ user, session: current });
  }

  /**
   * Renewal. The caller's access token may already be expired (that is when clients renew), so
   * only its signature and session are checked here, not its expiry.
   */
  async refresh(
    accessToken: string | undefined,
    expireToken: string | undefined,
  ): Promise<Result<TokenPair, ApiError>> {
    if (!accessToken)
      return err(apiError('AUTH_NOT_PROVIDED', 'Authentication credentials were not provided'));
    const claims = verifyJwt(accessToken, this.secret);
    const callerSession = claims ? await this.store.getSession(claims.sid) : null;
    const caller = callerSession ? this.users.byId(callerSession.user_id) : null;
    if (!claims || !callerSession || callerSession.access_token_id !== claims.jti || !caller) {
      return err(apiError('AUTH_INVALID', 'Invalid access token'));
    }
    if (!expireToken) {
      return err(
        apiError(
          'INVALID_STRUCTURE',
          'Could not locate field for key_path expire_token from provided dict data',
          null,
          400,
        ),
      );
    }
    const target = await this.store.getSessionByExpireToken(expireToken);
    if (!target || target.expire_token_expires_at <= nowSeconds(this.clock)) {
      return err(apiError('AUTH_INVALID', 'Session not found', null, 401));
    }
    if (target.user_id !== caller.user_id) {
      return err(apiError('AUTH_FORBIDDEN', 'You have not access to refresh this session', null, 403));
    }
    return ok(await this.issue(caller, target.session_id));
  }
}
