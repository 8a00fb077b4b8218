import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData, useLocation, useSubmit } from '@remix-run/react';
import { Banner, Box, Frame, Navigation, TopBar } from '@shopify/polaris';
import {
  ChartLineIcon,
  ChartVerticalIcon,
  ChatIcon,
  CodeIcon,
  ContentIcon,
  ExitIcon,
  HomeIcon,
  KeyIcon,
  MagicIcon,
  OrderIcon,
  PersonIcon,
  PlusIcon,
  ProductIcon,
  TeamIcon,
} from '@shopify/polaris-icons';
import { useState } from 'react';
import type { AppLayoutData } from '~/lib/csrf';
import { requireMember, sessionToken, setSessionCookie } from '~/lib/session.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { member, actor } = await requireMember(request, context);
  const layout: AppLayoutData = {
    csrfToken: context.closer.identity.createCsrfToken(member.csrfSecret),
    user: member.user,
    workspace: { id: member.workspaceId, name: member.membership.workspaceName, role: member.role },
    workspaces: member.session.memberships.map((membership) => ({
      id: membership.workspaceId,
      name: membership.workspaceName,
      role: membership.role,
    })),
    permissions: context.closer.permissionsOf(member.role),
    // Per workspace: a workspace's own provider key ends offline mode for it.
    aiOffline: await context.closer.aiUsage.isOffline(actor),
  };
  // A session used near its expiry slides forward; the browser needs the new expiry too.
  const token = sessionToken(request, context);
  const headers: HeadersInit =
    member.session.refreshed && token
      ? { 'Set-Cookie': setSessionCookie(context, { token, expiresAt: member.session.expiresAt }) }
      : {};
  return data(layout, { headers });
}

interface NavItem {
  url: string;
  label: string;
  icon: typeof HomeIcon;
  permission: string;
  exact?: boolean;
}

const navigation: NavItem[] = [
  { url: '/', label: 'Home', icon: HomeIcon, permission: 'analytics.view', exact: true },
  { url: '/inbox', label: 'Inbox', icon: ChatIcon, permission: 'inbox.view' },
  { url: '/catalog', label: 'Catalog', icon: ProductIcon, permission: 'analytics.view' },
  { url: '/content', label: 'Content studio', icon: ContentIcon, permission: 'analytics.view' },
  { url: '/orders', label: 'Orders', icon: OrderIcon, permission: 'analytics.view' },
  { url: '/contacts', label: 'Contacts', icon: PersonIcon, permission: 'analytics.view' },
  { url: '/forecasts', label: 'Forecasts', icon: ChartLineIcon, permission: 'analytics.view' },
  { url: '/assistant', label: 'Assistant', icon: MagicIcon, permission: 'analytics.view' },
  { url: '/install', label: 'Install', icon: CodeIcon, permission: 'analytics.view' },
  { url: '/ai', label: 'AI and usage', icon: ChartVerticalIcon, permission: 'analytics.view' },
  { url: '/team', label: 'Team', icon: TeamIcon, permission: 'team.view' },
  { url: '/api-keys', label: 'API keys', icon: KeyIcon, permission: 'apiKeys.manage' },
];

export default function AppLayout() {
  const layout = useLoaderData<typeof loader>();
  const location = useLocation();
  const submit = useSubmit();
  const [userMenuOpen, setUserMenuOpen] = useState(false);
  const [navOpen, setNavOpen] = useState(false);
  const post = (action: string, fields: Record<string, string>) =>
    submit({ ...fields, _csrf: layout.csrfToken }, { method: 'post', action });

  const otherWorkspaces = layout.workspaces.filter((workspace) => workspace.id !== layout.workspace.id);
  const userMenu = (
    <TopBar.UserMenu
      name={layout.user.name ?? layout.user.email}
      detail={layout.workspace.name}
      initials={(layout.user.name ?? layout.user.email).slice(0, 1).toUpperCase()}
      open={userMenuOpen}
      onToggle={() => setUserMenuOpen((open) => !open)}
      actions={[
        {
          items: otherWorkspaces.map((workspace) => ({
            content: `Switch to ${workspace.name}`,
            onAction: () => post('/switch-workspace', { workspaceId: workspace.id }),
          })),
        },
        {
          items: [
            { content: 'Create a workspace', icon: PlusIcon, url: '/workspaces/new' },
            { content: 'Log out', icon: ExitIcon, onAction: () => post('/logout', {}) },
          ],
        },
      ]}
    />
  );

  return (
    <Frame
      topBar={
        <TopBar showNavigationToggle userMenu={userMenu} onNavigationToggle={() => setNavOpen((open) => !open)} />
      }
      navigation={
        <Navigation location={location.pathname}>
          <Navigation.Section
            items={navigation
              .filter((item) => layout.permissions.includes(item.permission))
              .map((item) => ({
                url: item.url,
                label: item.label,
                icon: item.icon,
                exactMatch: item.exact,
                selected: item.exact ? location.pathname === item.url : location.pathname.startsWith(item.url),
              }))}
          />
        </Navigation>
      }
      showMobileNavigation={navOpen}
      onNavigationDismiss={() => setNavOpen(false)}
      skipToContentTarget={undefined}
    >
      {layout.aiOffline ? (
        <Box paddingBlockStart="400" paddingInline="400">
          <Banner tone="info" title="AI is in offline mode">
            No AI provider key is configured, so the assistant answers from your catalog and policies alone. Add a key
            under AI and usage.
          </Banner>
        </Box>
      ) : null}
      <Outlet />
    </Frame>
  );
}
