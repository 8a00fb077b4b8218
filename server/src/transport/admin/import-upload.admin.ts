import { requirePermission } from '../../modules/identity';
import {
  ImportFileError,
  ImportFileTooLargeError,
  type ImportKind,
  type ImportRunSummary,
  importLimits,
  listRecentImports,
  startImport,
} from '../../modules/imports';
import type { AdminActor, AdminDeps } from './admin-deps';

/**
 * What the catalog, orders and contacts pages share: starting an import of
 * their kind from an uploaded file, and their recent imports. The file's size
 * is checked before its bytes are read.
 */
export interface ImportUpload {
  /** The form's file field as `request.formData()` gave it. */
  file: unknown;
  /** "auto" or one of the kind's formats. */
  format?: unknown;
}

interface UploadedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function createImportUploads(deps: AdminDeps, kind: ImportKind) {
  return {
    async startImport(actor: AdminActor, upload: ImportUpload): Promise<ImportRunSummary> {
      requirePermission(actor, 'catalog.write');
      const file = toUploadedFile(upload.file);
      if (file.size > importLimits.maxFileBytes) throw new ImportFileTooLargeError(file.size);
      return startImport(
        deps,
        { workspaceId: actor.workspaceId, userId: actor.userId },
        {
          kind,
          format: typeof upload.format === 'string' && upload.format !== '' ? upload.format : 'auto',
          fileName: file.name || 'upload',
          source: new Uint8Array(await file.arrayBuffer()),
        },
      );
    },
    listImports: (actor: AdminActor) => listRecentImports(deps.prisma, actor.workspaceId, kind),
  };
}

function toUploadedFile(value: unknown): UploadedFile {
  const file = value as Partial<UploadedFile> | null;
  if (!file || typeof file !== 'object' || typeof file.arrayBuffer !== 'function' || !file.size) {
    throw new ImportFileError('Choose a file to import.');
  }
  return file as UploadedFile;
}
