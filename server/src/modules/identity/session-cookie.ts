/**
 * How the portal carries the session token: an httpOnly, SameSite=Lax cookie
 * scoped to the whole site. Behind HTTPS it is also Secure and takes the
 * `__Host-` prefix, which browsers accept only from a secure origin, without
 * a Domain and with Path=/ — so no subdomain can plant or shadow it.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-closer_session' : 'closer_session';
}

export interface SessionCookieAttributes {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  expires: Date;
}

/** Attributes for setting the cookie; to clear it, set it empty with `expires: new Date(0)`. */
export function sessionCookieAttributes(session: { expiresAt: Date }, secure: boolean): SessionCookieAttributes {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: session.expiresAt };
}
