import os from 'node:os';
import path from 'node:path';

/** Where the end-to-end server leaves its database URL for the tests (see e2e-server.ts). */
export const e2eStateFile = path.join(os.tmpdir(), 'closer-e2e-state.json');
