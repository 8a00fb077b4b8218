import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { connect } from '../server/src/platform/database';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-postgres';
import { applyMigrations } from '../server/src/platform/migrations/migrate';
import { findPrismaDir, readMigrations } from '../server/src/platform/migrations/migration-files';
import { repositoryRoot, writeResult } from './lib/report';

/**
 * Load on loopback: 2,000 connected shoppers, 200 of them receiving replies
 * streamed at 30 tokens/s by a fake OpenAI-compatible provider. Token delay =
 * when the shopper's socket received a token − when the provider sent it (both
 * clocks in this process). The server runs in its own process, so its memory
 * is its own.
 */
const shoppers = 2_000;
const streaming = 200;
const tokensPerReply = 300;
const tokenIntervalMs = 1000 / 30;
const workspaces = 5; // 40 streams each, under the 50-per-workspace cap

const sentAt = new Map<string, number>();
const letters = (value: number) => {
  let text = '';
  let rest = value;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
};

/** A minimal OpenAI chat-completions SSE endpoint that remembers when it sent each token. */
function startProvider(): Promise<http.Server> {
  let streams = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const tag = `s${letters(streams++)}x`;
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (delta: object, finish: string | null = null) =>
        `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      let index = 0;
      const timer = setInterval(() => {
        if (index === tokensPerReply) {
          clearInterval(timer);
          response.write(chunk({}, 'stop'));
          response.write(
            `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [], usage: { prompt_tokens: 50, completion_tokens: tokensPerReply, total_tokens: 350 } })}\n\n`,
          );
          response.end('data: [DONE]\n\n');
          return;
        }
        const token = `${tag}${letters(index++)}`;
        sentAt.set(token, performance.now());
        response.write(chunk({ content: `${token} ` }));
      }, tokenIntervalMs);
      response.on('close', () => clearInterval(timer));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  const database = await startEmbeddedPostgres({ persistent: false });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await applyMigrations(pool, readMigrations(path.join(findPrismaDir(), 'migrations')));
  await pool.end();
  const { prisma, close } = await connect(database.url);
  const keys: string[] = [];
  for (let index = 0; index < workspaces; index++) {
    const key = `pk_bench_${randomBytes(8).toString('hex')}`;
    await prisma.workspace.create({
      data: {
        name: `Bench shop ${index}`,
        slug: `bench-${index}`,
        widgetKeys: { create: { publicKey: key, allowedOrigins: [] } },
      },
    });
    keys.push(key);
  }
  await close();

  const provider = await startProvider();
  const port = 3400 + Math.floor(Math.random() * 500);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-bench-load-'));
  // The server as `npm start` runs it: the bundled build.
  execFileSync(process.execPath, ['build.mjs'], { cwd: path.join(repositoryRoot, 'server'), stdio: 'inherit' });
  // BENCH_NODE_FLAGS passes V8/Node flags to the server (e.g. `--cpu-prof`, `--max-semi-space-size=8`) to investigate.
  const profile = process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : [];
  const server = spawn(process.execPath, [...profile, path.join(repositoryRoot, 'server', 'dist', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      CLOSER_DATA_DIR: dataDir,
      CLOSER_DEMO: 'false',
      LOG_LEVEL: 'warn',
      OPENAI_API_KEY: 'bench',
      OPENAI_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    server.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Closer is ready') && resolve()),
  );
  const url = `http://127.0.0.1:${port}`;
  const baselineMiB = rssMiB(server.pid as number);

  const sockets: Socket[] = [];
  for (let index = 0; index < shoppers; index++) {
    const socket = io(`${url}/widget`, {
      auth: { key: keys[index % workspaces] },
      transports: ['websocket'],
      reconnection: false,
      // Each shopper its own address, as behind a load balancer (per-IP limits apply per shopper).
      extraHeaders: { 'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
    });
    sockets.push(socket);
    if (index % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(
    sockets.map((socket) =>
      socket.connected ? undefined : new Promise<void>((resolve) => socket.once('connect', () => resolve())),
    ),
  );
  const connectedMiB = rssMiB(server.pid as number);

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const delays: number[] = [];
  const steadyDelays: number[] = [];
  let allStartedAt = Number.POSITIVE_INFINITY;
  let peakMiB = connectedMiB;
  const sampler = setInterval(() => {
    peakMiB = Math.max(peakMiB, rssMiB(server.pid as number));
  }, 200);
  const done = sockets.slice(0, streaming).map(
    (socket) =>
      new Promise<void>((resolve) => {
        socket.on('message.delta', (payload: { text: string }) => {
          const now = performance.now();
          for (const token of payload.text.split(/\s+/)) {
            const sent = sentAt.get(token);
            if (sent === undefined) continue;
            delays.push(now - sent);
            if (sent > allStartedAt) steadyDelays.push(now - sent);
          }
        });
        socket.once('message.completed', () => resolve());
      }),
  );
  // Conversations start over ~3 s (shoppers do not all press Enter in the same millisecond);
  // every reply lasts 10 s, so all 200 stream at once for most of the run.
  const started = performance.now();
  for (const socket of sockets.slice(0, streaming)) {
    socket.emit('message.send', { clientId: randomUUID(), text: 'Tell me about your products' });
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  allStartedAt = performance.now();
  console.log(`  200 conversations started in ${Math.round(allStartedAt - started)} ms`);
  await Promise.race([Promise.all(done), new Promise((resolve) => setTimeout(resolve, 120_000))]);
  clearInterval(sampler);
  loopDelay.disable();
  console.log(`  load generator's own event-loop delay p99: ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`);

  for (const socket of sockets) socket.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  provider.close();
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  delays.sort((a, b) => a - b);
  steadyDelays.sort((a, b) => a - b);
  const steadyP99 = steadyDelays[Math.floor(0.99 * steadyDelays.length)] ?? Number.NaN;
  console.log(`  idle server ${Math.round(baselineMiB)} MiB; p99 once all streams run: ${steadyP99.toFixed(1)} ms`);
  const percentile = (share: number) =>
    delays[Math.min(delays.length - 1, Math.floor(share * delays.length))] ?? Number.NaN;
  const p99 = percentile(0.99);
  // Two readings of "memory growth": what the load run (200 streams among 2,000 connected
  // shoppers) adds on top of the connected store, and everything from an idle server on.
  const runGrowth = peakMiB - connectedMiB;
  const totalGrowth = peakMiB - baselineMiB;
  const expectedTokens = streaming * tokensPerReply;
  writeResult(
    'socket-load',
    `${shoppers} shoppers connected, ${streaming} receiving streams at 30 tokens/s (fake provider, loopback)`,
    [
      {
        name: 'tokens delivered',
        value: delays.length,
        unit: `of ${expectedTokens}`,
        target: `= ${expectedTokens}`,
        met: delays.length === expectedTokens,
      },
      { name: 'token delay p50', value: Number(percentile(0.5).toFixed(1)), unit: 'ms' },
      { name: 'token delay p99', value: Number(p99.toFixed(1)), unit: 'ms', target: '≤ 50 ms', met: p99 <= 50 },
      {
        name: 'server memory growth during the streams (peak − 2,000 connected)',
        value: Math.round(runGrowth),
        unit: 'MiB',
        target: '≤ 150 MB',
        met: runGrowth * 1.048576 <= 150,
      },
      {
        name: 'server memory growth from idle (connecting 2,000 shoppers + streams)',
        value: Math.round(totalGrowth),
        unit: 'MiB',
      },
      { name: 'server memory, idle', value: Math.round(baselineMiB), unit: 'MiB' },
      { name: 'server memory, 2,000 shoppers connected', value: Math.round(connectedMiB), unit: 'MiB' },
    ],
  );
}

await main();
