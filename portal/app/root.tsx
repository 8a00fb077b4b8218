import type { LinksFunction, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Link as RemixLink,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from '@remix-run/react';
import { AppProvider, Box, Card, Page, Text } from '@shopify/polaris';
import polarisStyles from '@shopify/polaris/build/esm/styles.css?url';
import en from '@shopify/polaris/locales/en.json';
import type { AnchorHTMLAttributes, ReactNode } from 'react';

type LinkLikeComponentProps = AnchorHTMLAttributes<HTMLAnchorElement> & { url: string; external?: boolean };

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: polarisStyles },
  { rel: 'icon', href: 'data:,' },
];

export const meta: MetaFunction = () => [{ title: 'Closer' }];

/** Polaris links navigate inside the app without a full page load; external ones open a new tab. */
function AdminLink({ url, external, children, ...rest }: LinkLikeComponentProps) {
  if (external || /^https?:/.test(url)) {
    return (
      <a href={url} target="_blank" rel="noopener noreferrer" {...rest}>
        {children}
      </a>
    );
  }
  return (
    <RemixLink to={url} prefetch="intent" {...rest}>
      {children}
    </RemixLink>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppProvider i18n={en} linkComponent={AdminLink}>
          {children}
        </AppProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const known = isRouteErrorResponse(error);
  const status = known ? error.status : 500;
  const message =
    known && typeof error.data === 'object' && error.data && 'message' in error.data
      ? String((error.data as { message: unknown }).message)
      : status === 404
        ? 'There is no page at this address.'
        : 'Something went wrong on our side. Please try again.';
  const title = status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Something went wrong';
  return (
    <Page title={title}>
      <Card>
        <Box padding="400">
          <Text as="p">{message}</Text>
          <Box paddingBlockStart="300">
            <RemixLink to="/">Back to the dashboard</RemixLink>
          </Box>
        </Box>
      </Card>
    </Page>
  );
}
