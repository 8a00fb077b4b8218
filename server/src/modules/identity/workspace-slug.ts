/**
 * Workspace slugs: lower-case ASCII words joined by dashes, from the name the
 * team typed ("Café Ünïcorn!" → "cafe-unicorn"). A few words that portal URLs
 * use are never handed out.
 */
const maxLength = 40;
const reserved = new Set([
  'admin',
  'api',
  'app',
  'demo',
  'invite',
  'login',
  'logout',
  'new',
  'settings',
  'signup',
  'widget',
]);

export function slugifyWorkspaceName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  if (slug.length < 2 || reserved.has(slug)) return slug ? `${slug}-workspace` : 'workspace';
  return slug;
}

/** The base slug if free, else the first free `base-2`, `base-3`, … among those taken. */
export function pickFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
