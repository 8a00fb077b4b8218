import type { ImportKind, ImportStatus } from '@prisma/client';
import { z } from 'zod';

/**
 * Imports load a file (CSV export, product feed) into a workspace's catalog,
 * orders or contacts as a background run. Each file format belongs to one
 * kind; a row that cannot be imported is reported by its number and the rows
 * around it are kept.
 */
export const importFormats = [
  'shopify_products_csv',
  'generic_products_csv',
  'google_merchant_xml',
  'products_json',
  'orders_csv',
  'contacts_csv',
] as const;
export type ImportFormat = (typeof importFormats)[number];
/** A run's format: a file format, or the Shopify module's store sync, which no one uploads. */
export type ImportRunFormat = ImportFormat | 'shopify_sync';
export type { ImportKind, ImportStatus };

export const formatKinds: Record<ImportFormat, ImportKind> = {
  shopify_products_csv: 'products',
  generic_products_csv: 'products',
  google_merchant_xml: 'products',
  products_json: 'products',
  orders_csv: 'orders',
  contacts_csv: 'contacts',
};

export const formatLabels: Record<ImportRunFormat, string> = {
  shopify_products_csv: 'Shopify product CSV',
  generic_products_csv: 'Simple product CSV',
  google_merchant_xml: 'Google Merchant feed (XML)',
  products_json: 'Product feed (JSON)',
  orders_csv: 'Orders CSV',
  contacts_csv: 'Contacts CSV',
  shopify_sync: 'Shopify store sync',
};

export const importLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  /** Row problems kept on the run; all of them are counted. */
  keptRowErrors: 1_000,
  /** Products, orders or contacts written per transaction. */
  batchSize: 500,
  recentRuns: 10,
} as const;

export const startImportSchema = z.object({
  kind: z.enum(['products', 'orders', 'contacts']),
  format: z.enum([...importFormats, 'auto']).default('auto'),
  fileName: z.string().trim().min(1, 'choose a file').max(255),
});

/** One row the run could not import: `row` is the number a spreadsheet shows (CSV, header = 1) or the item's position (feeds). */
export interface RowError {
  row: number;
  field?: string;
  message: string;
}

/** What the admin shows of a run (never the file itself). */
export interface ImportRunView {
  id: string;
  kind: ImportKind;
  format: ImportRunFormat;
  formatLabel: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number | null;
  processedRows: number;
  importedRows: number;
  failedRows: number;
  rowErrors: RowError[];
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type ImportRunSummary = Omit<ImportRunView, 'rowErrors'>;

/** The job's payload. */
export const importJobSchema = z.object({ workspaceId: z.uuid(), runId: z.uuid() });
export type ImportJob = z.infer<typeof importJobSchema>;

/** The whole file is unusable (not the format chosen, a required column missing, not UTF-8 …). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly status: number = 400;
}

export class ImportFileTooLargeError extends ImportFileError {
  override readonly status = 413;
  constructor(bytes: number) {
    super(
      `The file is ${(bytes / 2 ** 20).toFixed(1)} MB; the most an import takes is ${importLimits.maxFileBytes / 2 ** 20} MB. Split it into smaller files.`,
    );
  }
}

export class ImportRunNotFoundError extends Error {
  override readonly name = 'ImportRunNotFoundError';
  readonly status = 404;
  constructor(readonly runId: string) {
    super('No such import.');
  }
}

export class ImportRunFinishedError extends Error {
  override readonly name = 'ImportRunFinishedError';
  readonly status = 409;
  constructor(status: ImportStatus) {
    super(`This import has already ${status === 'cancelled' ? 'been cancelled' : 'finished'}.`);
  }
}
