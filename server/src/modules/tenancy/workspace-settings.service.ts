import type { PrismaClient } from '@prisma/client';
import { allowedOriginsSchema } from './allowed-origins.model';
import { type TenancyActor, writeTenancyAudit } from './tenancy-audit.repo';
import { replaceAllowedOrigins } from './widget-key.repo';
import { type WorkspaceSettings, workspaceSettingsSchema } from './workspace-settings.model';
import { findWorkspaceProfile, writeWorkspaceSettings } from './workspace-settings.repo';

/**
 * Changing how the assistant behaves and where the widget may run. The caller
 * has checked the actor's permission; invalid input fails with the schema's
 * per-field messages and changes nothing. Sections the input leaves out keep
 * their stored values, so a page that edits one section (the content studio's
 * brand voice) never resets the others.
 */
export async function saveWorkspaceSettings(
  prisma: PrismaClient,
  actor: TenancyActor,
  input: unknown,
): Promise<WorkspaceSettings> {
  const stored = (await findWorkspaceProfile(prisma, actor.workspaceId))?.settings ?? {};
  const settings = workspaceSettingsSchema.parse(
    typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...stored, ...input } : input,
  );
  await prisma.$transaction(async (tx) => {
    await writeWorkspaceSettings(tx, actor.workspaceId, settings);
    await writeTenancyAudit(tx, actor, {
      action: 'workspace.settings_changed',
      targetType: 'workspace',
      targetId: actor.workspaceId,
    });
  });
  return settings;
}

/** Returns the stored list (normalised, without duplicates). */
export async function saveAllowedOrigins(prisma: PrismaClient, actor: TenancyActor, input: unknown): Promise<string[]> {
  const origins = allowedOriginsSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    await replaceAllowedOrigins(tx, actor.workspaceId, origins);
    await writeTenancyAudit(tx, actor, {
      action: 'widget_key.origins_changed',
      targetType: 'workspace',
      targetId: actor.workspaceId,
      data: { origins },
    });
  });
  return origins;
}
