import type { Prisma, PrismaClient } from '@prisma/client';
import { readWorkspaceSettings, type WorkspaceSettings } from './workspace-settings.model';

export interface WidgetKeyContext {
  widgetKeyId: string;
  workspaceId: string;
  allowedOrigins: string[];
  workspace: {
    name: string;
    currency: string;
    locale: string;
    timezone: string;
    shopDomain: string | null;
    settings: WorkspaceSettings;
    updatedAt: Date;
  };
}

/** The workspace behind a public widget key, or null for an unknown or revoked key. */
export async function findWidgetKey(prisma: PrismaClient, publicKey: string): Promise<WidgetKeyContext | null> {
  const key = await prisma.widgetKey.findUnique({
    where: { publicKey },
    select: {
      id: true,
      workspaceId: true,
      allowedOrigins: true,
      revokedAt: true,
      workspace: {
        select: {
          name: true,
          currency: true,
          locale: true,
          timezone: true,
          shopDomain: true,
          settings: true,
          updatedAt: true,
        },
      },
    },
  });
  if (!key || key.revokedAt) return null;
  return {
    widgetKeyId: key.id,
    workspaceId: key.workspaceId,
    allowedOrigins: key.allowedOrigins,
    workspace: { ...key.workspace, settings: readWorkspaceSettings(key.workspace.settings) },
  };
}

/**
 * Remembers when and where the widget last loaded (the install check). At most
 * one write a minute per key: the widget loads on every page view.
 */
export async function recordWidgetSeen(prisma: PrismaClient, widgetKeyId: string, origin: string | null, now: Date) {
  await prisma.widgetKey.updateMany({
    where: { id: widgetKeyId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastSeenAt: now, lastSeenOrigin: origin },
  });
}

/**
 * Exact origin match (scheme, host and port), case-insensitive. An empty list
 * allows every origin: a new store works before anyone configures it.
 */
export function isOriginAllowed(origin: string | undefined | null, allowedOrigins: string[]): boolean {
  if (allowedOrigins.length === 0) return true;
  if (!origin) return false;
  let normalised: string;
  try {
    normalised = new URL(origin).origin.toLowerCase();
  } catch {
    return false;
  }
  return allowedOrigins.some((allowed) => {
    try {
      return new URL(allowed).origin.toLowerCase() === normalised;
    } catch {
      return false;
    }
  });
}

/** The workspace's widget key as the admin shows it (the oldest active one, should there be several). */
export interface WorkspaceWidgetKey {
  id: string;
  publicKey: string;
  allowedOrigins: string[];
  lastSeenAt: Date | null;
  lastSeenOrigin: string | null;
}

export async function findWorkspaceWidgetKey(
  prisma: PrismaClient,
  workspaceId: string,
): Promise<WorkspaceWidgetKey | null> {
  return prisma.widgetKey.findFirst({
    where: { workspaceId, revokedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, publicKey: true, allowedOrigins: true, lastSeenAt: true, lastSeenOrigin: true },
  });
}

/** Replaces the allowed origins of every active key of the workspace; false when it has none. */
export async function replaceAllowedOrigins(
  prisma: PrismaClient | Prisma.TransactionClient,
  workspaceId: string,
  origins: string[],
): Promise<boolean> {
  const result = await prisma.widgetKey.updateMany({
    where: { workspaceId, revokedAt: null },
    data: { allowedOrigins: origins },
  });
  return result.count > 0;
}
