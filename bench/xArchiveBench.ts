// X archive import budget: importing an archive of N followers (zip → stream → staging → one
// merge transaction, search index included) against a raw better-sqlite3 insert of the same rows
// into the same tables, measured in the same run (budget: within 2x). Each side runs in a
// process of its own, so each peak RSS is that side's alone; the import's goal is flat memory,
// under 300 MB whatever the archive's size.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeXArchiveZip, xIds } from '../test/fakes/x/xArchiveBuilder';
import type { BenchRow } from './benchTypes';
import { BENCH_OWNER, type ImportMeasurement } from './xArchiveImportProcess';

const CHILD = fileURLToPath(new URL('./xArchiveImportProcess.ts', import.meta.url));

function runChild(args: string[]): Promise<ImportMeasurement> {
  return new Promise((resolve, reject) => {
    // Inherits this process's execArgv, i.e. tsx's loader under `tsx bench/run.ts`.
    execFile(process.execPath, [...process.execArgv, CHILD, ...args], { maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      const line = stdout.trim().split('\n').pop() ?? '';
      resolve(JSON.parse(line) as ImportMeasurement);
    });
  });
}

async function measureSize(followers: number, dir: string): Promise<BenchRow[]> {
  const archive = path.join(dir, `archive-${followers}.zip`);
  await writeXArchiveZip(archive, {
    owner: BENCH_OWNER,
    generatedAt: '2026-12-01T08:00:00.000Z',
    followers: xIds(followers),
    following: xIds(Math.min(5_000, followers), 2),
    // X splits large types into parts; about 50 MB of text per part here.
    partItems: 400_000,
  });
  const archiveMb = Math.round(fs.statSync(archive).size / 1024 / 1024);
  const imported = await runChild(['import', archive, String(followers), dir]);
  const raw = await runChild(['raw', archive, String(followers), dir]);
  if (imported.followers !== followers) throw new Error(`imported ${imported.followers} of ${followers} followers`);
  const label = followers >= 1_000_000 ? `${followers / 1_000_000}M` : `${followers / 1000}k`;
  const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
  return [
    { name: `X archive ${label} followers: import`, value: Math.round(imported.wallMs), unit: 'ms', note: `${archiveMb} MB zip` },
    { name: `X archive ${label} followers: raw better-sqlite3 insert`, value: Math.round(raw.wallMs), unit: 'ms' },
    { name: `X archive ${label} followers: import / raw`, value: ratio(imported.wallMs, raw.wallMs), unit: 'x', note: 'wall time; budget: within 2x' },
    {
      name: `X archive ${label} followers: import / raw (CPU time)`,
      value: ratio(imported.cpuMs, raw.cpuMs),
      unit: 'x',
      note: `${Math.round(imported.cpuMs)} vs ${Math.round(raw.cpuMs)} ms CPU`,
    },
    { name: `X archive ${label} followers: import peak RSS`, value: imported.maxRssMb, unit: 'MB', note: `goal: flat, under 300 MB (raw insert: ${raw.maxRssMb} MB)` },
  ];
}

export async function runXArchiveBench(sizes: readonly number[] = [100_000, 1_000_000]): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-xarchive-'));
  try {
    const rows: BenchRow[] = [];
    for (const size of sizes) rows.push(...(await measureSize(size, dir)));
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  void runXArchiveBench(sizes.length > 0 ? sizes : undefined).then((rows) => {
    for (const row of rows) console.log(`${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}`);
  });
}
