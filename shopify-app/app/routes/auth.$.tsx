import type { LoaderFunctionArgs } from '@remix-run/node';
import { authenticateAdmin } from '../shopify.server';

/**
 * Shopify's own paths under /app/auth: the bounce page that fetches a fresh
 * session token, the exit-iframe page. The library answers each by throwing
 * its response.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await authenticateAdmin(request, context);
  return null;
}
