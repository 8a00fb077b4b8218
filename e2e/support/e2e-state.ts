import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the end-to-end server leaves its database URL for the tests (see
 * e2e-server.ts); one file per port, so two runs on one machine stay apart.
 */
export const e2eStateFile = path.join(os.tmpdir(), `closer-e2e-state-${process.env.CLOSER_E2E_PORT ?? 3217}.json`);

export interface E2eState {
  databaseUrl: string;
  url: string;
  widgetKey: string | undefined;
}

export function readE2eState(): E2eState {
  return JSON.parse(fs.readFileSync(e2eStateFile, 'utf8')) as E2eState;
}

/** The end-to-end server sends email to this local port; a test listens there with a real SMTP server. */
export function e2eSmtpPort(): number {
  return Number(process.env.CLOSER_E2E_PORT ?? 3217) + 2;
}
