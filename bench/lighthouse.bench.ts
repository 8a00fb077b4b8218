import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath, startBenchServer } from './lib/bench-server';
import { median, writeResult } from './lib/report';

/**
 * What the widget costs the store's own page: Lighthouse's performance score
 * for the demo storefront with and without the widget's script tag (same page
 * otherwise), on the system Chromium, median of three runs each.
 */
const runsEach = 3;
const server = await startBenchServer();
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

async function score(url: string): Promise<{ score: number; lcp: number; tbt: number }> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
  };
}

const withWidget: Awaited<ReturnType<typeof score>>[] = [];
const withoutWidget: Awaited<ReturnType<typeof score>>[] = [];
try {
  await score(`${server.url}/demo`); // warm caches on both sides
  for (let run = 0; run < runsEach; run++) {
    withoutWidget.push(await score(`${server.url}/demo?widget=off`));
    withWidget.push(await score(`${server.url}/demo`));
  }
} finally {
  await chrome.kill();
  await server.stop();
}

const without = median(withoutWidget.map((run) => run.score));
const withIt = median(withWidget.map((run) => run.score));
writeResult(
  'lighthouse',
  'Lighthouse performance of /demo with and without the widget (system Chromium, median of 3)',
  [
    { name: 'performance without the widget', value: without, unit: 'points' },
    { name: 'performance with the widget', value: withIt, unit: 'points' },
    {
      name: 'points lost to the widget',
      value: without - withIt,
      unit: 'points',
      target: '≤ 1',
      met: without - withIt <= 1,
    },
    { name: 'LCP with the widget', value: Math.round(median(withWidget.map((run) => run.lcp))), unit: 'ms' },
    {
      name: 'total blocking time with the widget',
      value: Math.round(median(withWidget.map((run) => run.tbt))),
      unit: 'ms',
    },
  ],
);
