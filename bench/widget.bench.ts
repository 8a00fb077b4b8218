import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, startBenchServer } from './lib/bench-server';
import { median, repositoryRoot, writeResult } from './lib/report';

/**
 * The widget as shoppers get it: its compressed sizes, and how long after the
 * model's first token that token is on the shopper's screen (provider → server
 * → socket → widget render), measured in real Chromium against a fake
 * OpenAI-compatible provider.
 */
const widgetDir = path.join(repositoryRoot, 'widget');
execFileSync(process.execPath, ['build.mjs'], { cwd: widgetDir, stdio: 'ignore' });
const dist = path.join(widgetDir, 'dist');
const sizeOf = (file: string) => {
  const content = fs.readFileSync(path.join(dist, file));
  return {
    gzip: gzipSync(content, { level: 9 }).length / 1024,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024,
  };
};
const loader = sizeOf('loader.js');
const app = sizeOf('app.js');
const largestLocale = fs
  .readdirSync(dist)
  .filter((file) => file.startsWith('locale-'))
  .map(sizeOf)
  .reduce((largest, size) => (size.gzip > largest.gzip ? size : largest), { gzip: 0, brotli: 0 });

/** Streams one word every 30 ms; remembers when it sent each reply's first word. */
const firstTokenSentAt: number[] = [];
const provider = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const words = ['Hello', 'there', 'shopper', 'how', 'can', 'I', 'help'];
    let index = 0;
    const timer = setInterval(() => {
      if (index === words.length) {
        clearInterval(timer);
        response.end(`${chunk({}, 'stop')}data: [DONE]\n\n`);
        return;
      }
      if (index === 0) firstTokenSentAt.push(Date.now());
      response.write(chunk({ content: `${words[index++]} ` }));
    }, 30);
  });
});
await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', () => resolve()));
const server = await startBenchServer({
  OPENAI_API_KEY: 'bench',
  OPENAI_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1`,
});

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const delays: number[] = [];
try {
  for (let run = 0; run < 12; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/demo`);
    await page.getByRole('button', { name: /^Open chat/ }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('closer-chat')?.shadowRoot as ShadowRoot;
      new MutationObserver((_records, observer) => {
        const bubbles = root.querySelectorAll('.from-assistant .bubble');
        if ((bubbles[bubbles.length - 1]?.textContent ?? '').includes('Hello')) {
          (window as unknown as { __rendered: number }).__rendered = Date.now();
          observer.disconnect();
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('textbox', { name: 'Message' }).fill('Hi!');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    const rendered = await page.waitForFunction(
      () => (window as unknown as { __rendered?: number }).__rendered,
      undefined,
      { timeout: 15_000 },
    );
    const sent = firstTokenSentAt.at(-1) as number;
    if (run >= 2) delays.push(((await rendered.jsonValue()) as number) - sent); // the first runs warm up
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  provider.close();
}

const kb = (value: number) => Number(value.toFixed(2));
const total = loader.gzip + app.gzip;
writeResult(
  'widget',
  'Widget size (minified, compressed) and provider first token → rendered in the widget (Chromium, loopback)',
  [
    { name: 'loader.js gzip', value: kb(loader.gzip), unit: 'KB', target: '≤ 3 KB', met: loader.gzip <= 3 },
    { name: 'loader.js brotli', value: kb(loader.brotli), unit: 'KB' },
    { name: 'loader + app gzip', value: kb(total), unit: 'KB', target: '≤ 35 KB', met: total <= 35 },
    { name: 'loader + app brotli', value: kb(loader.brotli + app.brotli), unit: 'KB' },
    {
      name: 'loader + app + largest language gzip',
      value: kb(total + largestLocale.gzip),
      unit: 'KB',
      target: '≤ 35 KB',
      met: total + largestLocale.gzip <= 35,
    },
    { name: 'first token → on screen (median)', value: Math.round(median(delays)), unit: 'ms' },
    { name: 'first token → on screen (max of 10)', value: Math.round(Math.max(...delays)), unit: 'ms' },
  ],
);
