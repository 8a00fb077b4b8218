/**
 * A problem the person running Closer can fix (a bad setting, a busy port, an
 * unwritable folder). `main` prints its message as one line and exits non-zero,
 * without a stack trace: the trace would only hide the one thing they need to read.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
