import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without type declarations.
import { budgets, buildWidget, formatReport } from './build.mjs';

type Size = { raw: number; gzip: number; brotli: number };
type Report = { loader: Size; app: Size; total: Size; shopper: Size; largestLocale: Size & { file: string } };

/** Builds the widget into a scratch directory (dist/ stays as it was) and holds it to the budget. */
describe('widget size budget', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-widget-size-'));
  let report: Report;

  beforeAll(async () => {
    report = await buildWidget({ outdir });
    console.log(formatReport(report));
  }, 60_000);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it(`keeps the loader within ${budgets.loader / 1024} KB gzipped`, () => {
    expect(report.loader.gzip).toBeLessThanOrEqual(budgets.loader);
  });

  it(`keeps loader + app (+ the largest language) within ${budgets.total / 1024} KB gzipped`, () => {
    expect(report.total.gzip).toBeLessThanOrEqual(budgets.total);
    expect(report.shopper.gzip).toBeLessThanOrEqual(budgets.total);
  });

  it('ships no source maps and no eval-like code', () => {
    const files = fs.readdirSync(outdir, { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of ['loader.js', 'app.js']) {
      const code = fs.readFileSync(path.join(outdir, file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|\bFunction\(|sourceMappingURL/);
    }
  });

  it('never writes HTML from strings in its own code (Preact keeps the ability; we never use it)', () => {
    const sources = fs
      .readdirSync(path.join(import.meta.dirname, 'src'), { recursive: true })
      .map(String)
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'));
    for (const file of sources) {
      const code = fs.readFileSync(path.join(import.meta.dirname, 'src', file), 'utf8');
      expect(code, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/);
    }
  });
});
