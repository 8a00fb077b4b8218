import { useRouteLoaderData } from '@remix-run/react';

/** The signed-in layout's data every page may read (see routes/app-layout.tsx). */
export interface AppLayoutData {
  csrfToken: string;
  user: { id: string; email: string; name: string | null };
  workspace: { id: string; name: string; role: 'owner' | 'admin' | 'agent' | 'viewer' };
  workspaces: { id: string; name: string; role: string }[];
  permissions: string[];
  aiOffline: boolean;
}

export function useAppLayout(): AppLayoutData {
  const data = useRouteLoaderData('app-layout') as AppLayoutData | undefined;
  if (!data) throw new Error('useAppLayout is only available inside the signed-in layout');
  return data;
}

/** Whether the signed-in member may do something (to hide buttons; the server checks again). */
export function useCan(permission: string): boolean {
  return useAppLayout().permissions.includes(permission);
}

/** Put inside every `<Form method="post">`: the action refuses a post without it. */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useAppLayout().csrfToken} />;
}
