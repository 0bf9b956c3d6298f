// `npm run bench -- syncX`, X API row: a first sync of 100,000 followers through the fake X API
// on loopback, the real core (engine, SQLite in a temp folder, sealed bearer token). X allows 15
// follower-list requests per 15-minute window; the fake keeps the 15 and shortens the window to 10
// seconds (still longer than reading and storing 15 pages takes here, as 15 minutes is on X), so
// the sync crosses several windows in about a minute. Reported: follower-list requests against
// ceil(N/1000), every request the sync sent, 429 answers, windows waited (as the progress bar saw
// them), users read (what X bills) and the wall time.
import type { SyncProgress } from '../shared/domain';
import { callOk, syncEnd } from '../test/core/coreTestKit';
import { startXApiCore } from '../test/fakes/x/xApiTestKit';
import type { BenchRow } from './benchTypes';

export async function runXApiSyncBench(followers = 100_000): Promise<BenchRow[]> {
  const kit = await startXApiCore({ followers, following: 0, label: 'bench-x-api', windowMs: 10_000, followerLimit: 15 });
  try {
    const account = await kit.signIn();
    const before = kit.fake.requests.length;
    let windows = 0;
    let waiting = false;
    const stop = kit.core.onEvent(({ event, payload }) => {
      if (event !== 'sync.progress') return;
      const until = (payload as SyncProgress).waitingUntil ?? null;
      if (until !== null && !waiting) windows++;
      waiting = until !== null;
    });
    const started = performance.now();
    const end = syncEnd(kit.core, account.id);
    await callOk(kit.core, 'startSync', { accountId: account.id });
    const progress = await end;
    const wallMs = performance.now() - started;
    stop();
    if (progress.state !== 'done') throw new Error(`the sync ended ${progress.state}: ${progress.error?.message ?? ''}`);
    const counts = await callOk(kit.core, 'getBoardCounts', { accountId: account.id });
    if (counts.new !== followers) throw new Error(`stored ${counts.new} of ${followers} followers`);
    const requests = kit.fake.requests.slice(before);
    const pages = requests.filter((r) => r.route === 'GET /2/users/:id/followers' && r.status === 200).length;
    const label = `${followers / 1000}k`;
    return [
      { name: `X API sync ${label} followers: follower-list requests`, value: pages, unit: 'req', note: `minimum ceil(N/1000) = ${Math.ceil(followers / 1000)}` },
      { name: `X API sync ${label} followers: all requests`, value: requests.length, unit: 'req', note: 'the account itself, lists, 429 answers' },
      { name: `X API sync ${label} followers: 429 answers`, value: requests.filter((r) => r.status === 429).length, unit: 'req' },
      { name: `X API sync ${label} followers: rate-limit windows waited`, value: windows, unit: 'windows', note: `15 list requests a window: at most ${Math.ceil(Math.ceil(followers / 1000) / 15) - 1} for ${Math.ceil(followers / 1000)} pages` },
      { name: `X API sync ${label} followers: users read (billed)`, value: requests.reduce((sum, r) => sum + r.users, 0), unit: 'users' },
      { name: `X API sync ${label} followers: wall time`, value: Math.round(wallMs), unit: 'ms', note: '10-second windows in the fake' },
    ];
  } finally {
    await kit.close();
  }
}
