import { createHash, timingSafeEqual } from 'node:crypto';

/** A configured API account. The embedded service has no user management endpoints. */
export interface UserConfig {
  email: string;
  password: string;
  /** Stable id; defaults to one derived from the email. */
  user_id?: string;
  /** Defaults to `CLIENT SERVICE`, the role backends use. */
  user_type?: string;
  /** Tenant; all users share one company unless told otherwise. */
  company_id?: string;
}

export interface User {
  user_id: string;
  email: string;
  user_type: string;
  company_id: string;
}

export const DEFAULT_COMPANY_ID = '00000000-0000-4000-8000-000000000001';

function derivedId(email: string): string {
  const h = createHash('sha256').update(`user:${email}`).digest('hex');
  // UUID-shaped so clients that validate ids are happy.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function toUser(u: UserConfig): User {
  return {
    user_id: u.user_id ?? derivedId(u.email),
    email: u.email,
    user_type: u.user_type ?? 'CLIENT SERVICE',
    company_id: u.company_id ?? DEFAULT_COMPANY_ID,
  };
}

/** Compares digests so timing does not leak the password length or prefix. */
function samePassword(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

export class UserDirectory {
  private readonly users: readonly UserConfig[];

  constructor(users: readonly UserConfig[]) {
    this.users = users;
  }

  authenticate(email: string, password: string): User | null {
    const u = this.users.find((x) => x.email.toLowerCase() === email.toLowerCase());
    if (!u || !samePassword(u.password, password)) return null;
    return toUser(u);
  }

  byId(id: string): User | null {
    const u = this.users.map(toUser).find((x) => x.user_id === id);
    return u ?? null;
  }
}
