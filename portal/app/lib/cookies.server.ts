/**
 * The session cookie: httpOnly, SameSite=Lax, whole site; `__Host-` and Secure
 * behind HTTPS (names from the identity module, so every shell agrees).
 */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}

export function serializeCookie(
  name: string,
  value: string,
  attributes: { expires: Date; secure: boolean; httpOnly?: boolean },
): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'SameSite=Lax',
    `Expires=${attributes.expires.toUTCString()}`,
  ];
  if (attributes.httpOnly !== false) parts.push('HttpOnly');
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
