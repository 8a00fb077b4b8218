import path from 'node:path';
import { findPrismaDir } from './migrations/migration-files';

/** The repository root, found the same way from sources (tests) and from the bundle (`npm start`). */
export function repositoryRoot(): string {
  return path.dirname(findPrismaDir());
}
