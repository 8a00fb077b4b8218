import type { PrismaClient } from '@prisma/client';
export async function searchProducts(_prisma: PrismaClient, _workspaceId: string, _input: unknown): Promise<never[]> {
  return [];
}
