import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot, writeResult } from './lib/report';

/**
 * `npm start` as a new user meets it: a first start on an empty data dir
 * (embedded PostgreSQL initdb, migrations, demo seed) and a second start on
 * the same data. Measured to the "Closer is ready" line; RSS read at ready.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function timeStart(dataDir: string): Promise<{ seconds: number; rssMiB: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: repositoryRoot,
    env: { ...process.env, CLOSER_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const seconds = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 180 s:\n${output}`)), 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Closer is ready at')) {
        clearTimeout(timer);
        resolve((performance.now() - started) / 1000);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const health = await fetch(`http://localhost:${port}/healthz`);
  if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  const rssMiB = readRssMiB(child.pid as number);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-(child.pid as number), 'SIGTERM');
  await exited;
  return { seconds: Math.round(seconds * 10) / 10, rssMiB };
}

/** Sum of RSS over the npm process group's node processes (npm → node). */
function readRssMiB(pid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ');
      const processGroup = Number(stat?.[2]);
      const command = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (processGroup === pid && command.startsWith('node')) {
        const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
        total += Number(rss ?? 0);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return Math.round(total / 1024);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-bench-start-'));
fs.chmodSync(dataDir, 0o755);
try {
  const first = await timeStart(dataDir);
  const second = await timeStart(dataDir);
  writeResult('startup', 'npm start to the ready line: first start (empty data dir, demo seed) and a second start', [
    {
      name: 'first start (initdb, migrate, seed)',
      value: first.seconds,
      unit: 's',
      target: '≤ 90 s',
      met: first.seconds <= 90,
    },
    { name: 'second start', value: second.seconds, unit: 's', target: '≤ 15 s', met: second.seconds <= 15 },
    { name: 'memory at ready, first start (npm + server)', value: first.rssMiB, unit: 'MiB' },
    { name: 'memory at ready, second start (npm + server)', value: second.rssMiB, unit: 'MiB' },
  ]);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
