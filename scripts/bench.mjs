// `npm run bench [-- name…]`: runs every benchmark in bench/*.bench.ts (or the named ones),
// each writing bench/results/<name>.json, then rebuilds the README's benchmark table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNodeVersion } from './node-version.mjs';
import { generatePrismaClient } from './prisma-generate.mjs';

assertNodeVersion();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const available = fs
  .readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(1);
}
generatePrismaClient();

let failures = 0;
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n━━ bench: ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, `${name}.bench.ts`)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failures++;
}
updateReadme();
process.exit(failures > 0 ? 1 : 0);

function updateReadme() {
  const resultsDir = path.join(benchDir, 'results');
  const results = fs
    .readdirSync(resultsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')));
  const rows = results.flatMap((result) =>
    result.figures.map(
      (figure) =>
        `| ${result.name} | ${figure.name} | ${figure.value} ${figure.unit} | ${figure.target ?? '—'} | ${figure.target ? (figure.met ? '✅' : '❌') : ''} | ${result.date.slice(0, 10)} · ${result.commit} |`,
    ),
  );
  const table = [
    '| benchmark | figure | value | target | | measured |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Machine: ${results[0]?.machine.cpus ?? '?'} cores, ${results[0]?.machine.memoryGiB ?? '?'} GiB, ${results[0]?.machine.node ?? ''}. Raw figures: \`bench/results/*.json\`.`,
  ].join('\n');
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const updated = readme.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
  );
  fs.writeFileSync(readmePath, updated);
  // The table is written plainly; the formatter aligns it so `npm run lint` stays clean.
  spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', readmePath],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
}
