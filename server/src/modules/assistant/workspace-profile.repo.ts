import type { PrismaClient } from '@prisma/client';
import { readWorkspaceSettings } from '../tenancy';
import type { WorkspaceProfile } from './assistant.service';

/** What the assistant needs to know about the store, for callers that do not come through a widget key. */
export async function loadWorkspaceProfile(prisma: PrismaClient, workspaceId: string): Promise<WorkspaceProfile> {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { name: true, currency: true, settings: true },
  });
  return { name: workspace.name, currency: workspace.currency, settings: readWorkspaceSettings(workspace.settings) };
}
