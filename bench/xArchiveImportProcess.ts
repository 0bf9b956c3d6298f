// One measurement of bench/xArchiveBench.ts in a process of its own, so its peak RSS is the
// import's alone (not the bench runner's, nor the archive writer's).
// argv: <mode: import|raw> <archive path> <followers> <temp dir>. Prints one JSON line:
// { wallMs, cpuMs, maxRssMb, followers }.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../electron/core/db/openDatabase';
import { deferSearchIndex, rebuildSearchIndex } from '../electron/core/db/searchIndex';
import { sortNameSql } from '../electron/core/db/sortName';
import { importXArchive } from '../electron/core/networks/x/archive/importXArchive';
import { xIds } from '../test/fakes/x/xArchiveBuilder';

export const BENCH_OWNER = { id: '4242', username: 'bench_me', displayName: 'Bench' };
const CHUNK = 5_000;

export interface ImportMeasurement {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  followers: number;
}

function measure<T>(work: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return work().then((value) => {
    const used = process.cpuUsage(cpu);
    return { value, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  });
}

async function main(): Promise<void> {
  const [mode, archivePath, followersText, dir] = process.argv.slice(2);
  const followers = Number(followersText);
  const db = openDatabase(path.join(dir!, `${mode}-${followers}.db`));
  const at = new Date().toISOString();
  const { id } = db
    .prepare("INSERT INTO accounts (network, remote_id, handle, display_name, created_at) VALUES ('x', ?, ?, ?, ?) RETURNING id")
    .get(BENCH_OWNER.id, BENCH_OWNER.username, BENCH_OWNER.displayName, at) as { id: number };
  let result: { wallMs: number; cpuMs: number; value: number };
  if (mode === 'import') {
    const account = { id, remoteId: BENCH_OWNER.id, handle: BENCH_OWNER.username, lastSyncedAt: null };
    result = await measure(async () => (await importXArchive(db, account, archivePath!, () => new Date())).followers);
  } else {
    // The same rows an import writes, straight into the same tables: one prepared statement per
    // table, one transaction per chunk, search index deferred and rebuilt once.
    const ids = xIds(followers);
    const person = db.prepare(
      "INSERT INTO people (network, remote_id, handle, display_name, profile_url, fetched_at) VALUES ('x', ?, ?, '', ?, ?)",
    );
    const relationship = db.prepare('INSERT INTO relationships (account_id, person_id, follows_me, follow_rank) VALUES (?, ?, 1, ?)');
    const triage = db.prepare(
      `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
       VALUES (?, ?, 'new', ?, ?, 0, ${sortNameSql("''", '?')})`,
    );
    const chunk = db.transaction((start: number, end: number) => {
      for (let i = start; i < end; i++) {
        const remoteId = ids.id(i);
        const personId = Number(person.run(remoteId, remoteId, `https://x.com/i/user/${remoteId}`, at).lastInsertRowid);
        relationship.run(id, personId, followers - i);
        triage.run(id, personId, at, followers - i, remoteId);
      }
    });
    result = await measure(async () => {
      deferSearchIndex(db);
      for (let start = 0; start < followers; start += CHUNK) chunk(start, Math.min(followers, start + CHUNK));
      rebuildSearchIndex(db);
      return followers;
    });
  }
  db.close();
  const measurement: ImportMeasurement = {
    wallMs: result.wallMs,
    cpuMs: result.cpuMs,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    followers: result.value,
  };
  console.log(JSON.stringify(measurement));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
