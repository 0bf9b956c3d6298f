// `npm run bench -- sync`, GitHub row: a first sync of 20,000 followers through the fake GitHub on
// loopback and the real engine on a temp SQLite file. Reported: list requests against the
// minimum (ceil(followers/100) + ceil(following/100): GraphQL pages of 100 full profiles), the
// rest (the signed-in user, the REST head pages that make re-checks free, recent activity), the
// rate-limit points spent, what the daily interactions reading costs (stars, forks, watchers,
// issues of my 12 repositories, the 10 most recently pushed read), and what an unchanged re-check
// costs afterwards (the reading runs at most once a day, so nothing there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Account } from '../shared/domain';
import { openDatabase } from '../electron/core/db/openDatabase';
import { MediaCache } from '../electron/core/media/mediaCache';
import { accountsRepo } from '../electron/core/repos/accountsRepo';
import { ProfileEnrichment } from '../electron/core/sync/profileEnrichment';
import { SyncJob } from '../electron/core/sync/syncJob';
import { FakeGithub } from '../test/fakes/github/fakeGithub';
import { githubProviderFor } from '../test/fakes/github/githubTestKit';
import type { BenchRow } from './benchTypes';

const INTERACTION_ROUTES = /^GET \/(user\/repos|repos\/)/;
const LIST_ROUTES = new Set(['GET /user', 'GET /user/followers', 'GET /user/following', 'POST /graphql']);

export async function runGithubSyncBench(followers = 20_000, following = 600): Promise<BenchRow[]> {
  const fake = new FakeGithub();
  fake.state.generate({ followers, following });
  fake.state.repos.generate(
    fake.state.followers.map((e) => e.userId),
    { count: 12, until: new Date().toISOString(), perRepo: 150 },
  );
  await fake.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-github-'));
  const db = openDatabase(path.join(dir, 'rapport.db'));
  const enrichment = new ProfileEnrichment(db, new MediaCache(path.join(dir, 'media')));
  try {
    const account = accountsRepo(db).upsert({ network: 'github', remoteId: '1', handle: 'octo-self', displayName: 'Octo Self' }, new Date().toISOString());
    const { provider } = githubProviderFor(fake);
    let clock = Date.now();
    const sync = async (walkMode: 'full' | 'auto') => {
      clock += 60_000;
      const job = new SyncJob({ db, account: account as Account, provider, enrichment, emit: () => {}, now: () => clock, walkMode });
      await job.finished;
      if (job.progress.state !== 'done') throw new Error(`GitHub bench sync ended ${job.progress.state}: ${job.progress.error?.message ?? ''}`);
    };
    const started = performance.now();
    await sync('full');
    const wallMs = performance.now() - started;
    const api = fake.requests.filter((r) => r.route !== 'GET /avatars');
    const interactions = api.filter((r) => INTERACTION_ROUTES.test(r.route)).length;
    const stored = db.prepare('SELECT count(*) FROM interactions').pluck().get() as number;
    const lists = api.filter((r) => LIST_ROUTES.has(r.route) && r.route !== 'GET /user').length;
    const minimum = Math.ceil(followers / 100) + Math.ceil(following / 100);
    const points = fake.pointsUsed();
    fake.resetLog();
    await sync('auto');
    const recheck = fake.requests.filter((r) => r.route !== 'GET /avatars');
    const recheckPoints = recheck.filter((r) => r.status !== 304).length;
    const name = (what: string) => `sync ${followers.toLocaleString('en-US')} GitHub followers: ${what}`;
    return [
      { name: name('wall time'), value: Math.round(wallMs), unit: 'ms', note: `${following} following, fake in-process` },
      { name: name('list requests / minimum'), value: Math.round((lists / minimum) * 1000) / 1000, unit: 'x', note: `${lists} vs ceil(N/100) + ceil(following/100) = ${minimum}` },
      { name: name('other requests'), value: api.length - lists - interactions, unit: 'req', note: 'GET /user, recent activity of the 20 newest' },
      { name: name('interactions reading'), value: interactions, unit: 'req', note: `at most daily; ${stored} stars, forks, watchers, issues stored` },
      { name: name('GraphQL points used'), value: points.graphql, unit: 'pt', note: 'of 5,000 an hour' },
      { name: name('REST requests counted'), value: points.core, unit: 'req', note: 'of 5,000 an hour' },
      { name: name('unchanged re-check'), value: recheck.length, unit: 'req', note: `${recheckPoints} counted against the limit (304s are free)` },
    ];
  } finally {
    await enrichment.close();
    db.close();
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
