import { z } from 'zod';
import type { IdentityDeps } from './identity.deps';
import { type RequestMeta, UnauthenticatedError } from './identity.model';
import { createOwnedWorkspace, isUniqueViolation } from './owned-workspace';
import { resolveSession, switchWorkspace } from './session.service';

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(1, 'name is empty').max(80, 'name is longer than 80 characters'),
});

/**
 * Another workspace for someone already signed in (a second store, a client's
 * store): they own it, and their session switches to it.
 */
export async function createAdditionalWorkspace(
  deps: Pick<IdentityDeps, 'prisma' | 'clock'>,
  sessionToken: string | null | undefined,
  input: { name: string },
  meta: RequestMeta = {},
): Promise<{ workspace: { id: string; name: string; slug: string }; widgetKey: string }> {
  const { name } = createWorkspaceSchema.parse(input);
  const session = await resolveSession(deps, sessionToken);
  if (!session) throw new UnauthenticatedError();
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await deps.prisma.$transaction((tx) =>
        createOwnedWorkspace(tx, { name, ownerId: session.user.id, ip: meta.ip }),
      );
      await switchWorkspace(deps, sessionToken, created.workspace.id);
      return created;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
