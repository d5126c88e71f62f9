import { type ApiResult, fail, ok } from './errors.js';
import { errorFromResponse, type HttpDeps, sendWithRetry } from './http.js';
import { ozAuthSchema } from './oz-objects.js';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** What the adapter itself authenticates with (`api_use_token: "config"`). */
export interface AuthSettings {
  /** Long-lived service token from `api_token`. Used first when present. */
  readonly token?: string | undefined;
  /** `api_login` / `api_password`: used to obtain a token, and to get a new one after a 401. */
  readonly credentials?: Credentials | undefined;
}

/** Renew this long before the token's `exp`, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_S = 30;

/** The `exp` claim when the token is a JWT (API ≥ 6.0.1); undefined for opaque tokens. */
export function jwtExpiry(token: string): number | undefined {
  const part = token.split('.')[1];
  if (token.split('.').length !== 3 || part === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    const exp = typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

interface Session {
  readonly accessToken: string;
  readonly expireToken?: string | undefined;
  /** UNIX seconds, when known. */
  readonly expiresAt?: number | undefined;
}

/**
 * Holds the adapter's own API session. Concurrent callers share one login/refresh in flight, so a
 * burst of 401s after expiry causes one renewal, not one per request.
 */
export class TokenManager {
  private session: Session | undefined;
  private pending: Promise<ApiResult<string>> | undefined;

  constructor(
    private readonly http: HttpDeps,
    private readonly settings: AuthSettings,
    private readonly nowS: () => number = () => Date.now() / 1000,
  ) {
    if (settings.token !== undefined) {
      this.session = { accessToken: settings.token, expiresAt: jwtExpiry(settings.token) };
    }
  }

  /** True when a refused token can be replaced; a bare api_token cannot. */
  get canRenew(): boolean {
    return this.settings.credentials !== undefined;
  }

  /** A token believed valid: the cached one, or a fresh one when it is missing or about to expire. */
  async token(): Promise<ApiResult<string>> {
    if (this.pending !== undefined) return this.pending;
    const s = this.session;
    const fresh =
      s !== undefined && (s.expiresAt === undefined || s.expiresAt - EXPIRY_MARGIN_S > this.nowS());
    if (s !== undefined && (fresh || !this.canRenew)) return ok(s.accessToken);
    return this.renew();
  }

  /** Called after a 401 with the token that was refused; the next token() call renews. */
  async renewAfterRejection(rejected: string): Promise<ApiResult<string>> {
    if (!this.canRenew) return fail('api_auth_failed', { status: 401 });
    if (this.pending !== undefined) return this.pending;
    if (this.session?.accessToken === rejected) {
      // Keep expire_token: refresh may still work when only the access token was dropped.
      this.session = { ...this.session, expiresAt: 0 };
    }
    return this.token();
  }

  private renew(): Promise<ApiResult<string>> {
    this.pending ??= this.obtain().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async obtain(): Promise<ApiResult<string>> {
    const old = this.session;
    if (old?.expireToken !== undefined) {
      const refreshed = await this.call(
        '/api/authorize/refresh/',
        { expire_token: old.expireToken },
        old.accessToken,
      );
      if (refreshed.ok) return refreshed;
      if (refreshed.error.code === 'api_unavailable') return refreshed;
      // 401 "Session not found" and friends: fall back to a full login.
    }
    const creds = this.settings.credentials;
    if (creds === undefined) return fail('api_auth_failed');
    return this.call('/api/authorize/auth', {
      credentials: { email: creds.email, password: creds.password },
    });
  }

  private async call(path: string, json: unknown, token?: string): Promise<ApiResult<string>> {
    const sent = await sendWithRetry(this.http, { method: 'POST', path, json, token });
    if (!sent.ok) return sent;
    const res = sent.value;
    if (res.status < 200 || res.status >= 300) {
      const refused = errorFromResponse<string>(res);
      // At login, 403 means the same as 401 for us: these credentials will not do.
      if (!refused.ok && (res.status === 401 || res.status === 403)) {
        const { code: _code, message: _message, ...details } = refused.error;
        return fail('api_auth_failed', details);
      }
      return refused;
    }
    const parsed = ozAuthSchema.safeParse(res.body);
    if (!parsed.success) return fail('api_bad_response', { status: res.status, cause: 'no access_token' });
    const { access_token, expire_token, expire_date } = parsed.data;
    this.session = {
      accessToken: access_token,
      expireToken: expire_token,
      expiresAt: jwtExpiry(access_token) ?? expire_date,
    };
    return ok(access_token);
  }
}
