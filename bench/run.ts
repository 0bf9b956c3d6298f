// `npm run bench`: every benchmark in one process, one table. Each module is loaded on its own
// so a missing or failing one is reported by name while the others still run.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './benchTypes';

interface BenchModule {
  file: string;
  exportName: string;
}

const BENCHES: BenchModule[] = [
  { file: 'ingestBench.ts', exportName: 'runIngestBench' },
  { file: 'queryBench.ts', exportName: 'runQueryBench' },
  { file: 'paletteSearchBench.ts', exportName: 'runPaletteSearchBench' },
  { file: 'boardBench.ts', exportName: 'runBoardBench' },
  { file: 'syncBench.ts', exportName: 'runSyncBench' },
  { file: 'xArchiveBench.ts', exportName: 'runXArchiveBench' },
  { file: 'syncGithubBench.ts', exportName: 'runGithubSyncBench' },
  { file: 'interactionsBench.ts', exportName: 'runInteractionsBench' },
  { file: 'syncXApiBench.ts', exportName: 'runXApiSyncBench' },
];

function isBenchRow(value: unknown): value is BenchRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.name === 'string' &&
    typeof row.value === 'number' &&
    typeof row.unit === 'string' &&
    (row.note === undefined || typeof row.note === 'string')
  );
}

async function runOne(bench: BenchModule): Promise<{ rows: BenchRow[]; problem: string | null }> {
  const path = fileURLToPath(new URL(`./${bench.file}`, import.meta.url));
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const missing = /Cannot find module|ERR_MODULE_NOT_FOUND/.test(message);
    return { rows: [], problem: missing ? `bench/${bench.file} is missing` : `bench/${bench.file} failed to load: ${message}` };
  }
  const run = loaded[bench.exportName];
  if (typeof run !== 'function') return { rows: [], problem: `bench/${bench.file} does not export ${bench.exportName}()` };
  try {
    const result: unknown = await (run as () => Promise<unknown>)();
    if (!Array.isArray(result) || !result.every(isBenchRow)) {
      return { rows: [], problem: `${bench.exportName}() did not return BenchRow[]` };
    }
    return { rows: result, problem: null };
  } catch (error) {
    return { rows: [], problem: `${bench.exportName}() failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => [r.name, formatValue(r.value), r.unit, r.note ?? '']);
  const header = ['benchmark', 'value', 'unit', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const widthOf = (i: number) => widths[i] ?? 0;
  const line = (c: string[]) =>
    c
      .map((text, i) => (i === 1 ? text.padStart(widthOf(i)) : i === c.length - 1 ? text : text.padEnd(widthOf(i))))
      .join('  ');
  return [line(header), widths.map((w, i) => '-'.repeat(i === 3 ? Math.min(w, 40) : w)).join('  '), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? BENCHES.filter((b) => only.some((o) => b.file.startsWith(o))) : BENCHES;
  const rows: BenchRow[] = [];
  const problems: string[] = [];
  for (const bench of selected) {
    console.error(`running ${bench.exportName}…`);
    const started = Date.now();
    const outcome = await runOne(bench);
    rows.push(...outcome.rows);
    if (outcome.problem) problems.push(outcome.problem);
    console.error(`  ${outcome.problem ? 'FAILED' : 'done'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\nRapport benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log(rows.length ? formatTable(rows) : '(no figures)');
  if (problems.length) {
    console.log('\nNot measured:');
    for (const problem of problems) console.log(`  - ${problem}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
