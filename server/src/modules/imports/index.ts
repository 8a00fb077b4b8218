/** Imports: CSV exports and product feeds loaded into the catalog, orders or contacts as background runs. */
export {
  formatKinds,
  formatLabels,
  ImportFileError,
  ImportFileTooLargeError,
  type ImportFormat,
  type ImportJob,
  type ImportKind,
  ImportRunFinishedError,
  type ImportRunFormat,
  ImportRunNotFoundError,
  type ImportRunSummary,
  type ImportRunView,
  type ImportStatus,
  importFormats,
  importJobSchema,
  importLimits,
  type RowError,
} from './import.model';
export {
  abandonImport,
  cancelImport,
  getImport,
  IMPORT_QUEUE,
  type ImportDeps,
  listRecentImports,
  startImport,
} from './import.service';
export { type ImportRunnerDeps, runImport } from './import-runner';
