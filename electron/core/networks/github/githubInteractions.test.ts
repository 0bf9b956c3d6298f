// Stars, forks, watchers, issues and pull requests on my repositories become interactions toward
// me, through the real sync engine on real SQLite and the fake GitHub on loopback: each stored
// once, at most one reading a day (an unchanged re-check stays free), the next reading asking only
// for what is newer, and a failed reading read again whole by the next sync.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../../shared/domain';
import { FakeGithub } from '../../../../test/fakes/github/fakeGithub';
import { githubProviderFor } from '../../../../test/fakes/github/githubTestKit';
import { openDatabase } from '../../db/openDatabase';
import { MediaCache } from '../../media/mediaCache';
import { accountsRepo } from '../../repos/accountsRepo';
import { interactionsRepo } from '../../repos/interactionsRepo';
import { ProfileEnrichment } from '../../sync/profileEnrichment';
import { SyncJob } from '../../sync/syncJob';
import { GITHUB_INTERACTION_PAGES, GITHUB_INTERACTION_REPOS } from './githubInteractions';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOUR = 3600_000;
const REPO_ROUTES = /^GET \/(user\/repos|repos\/)/;

async function setup() {
  const fake = new FakeGithub();
  fake.state.generate({ followers: 150, following: 10 });
  await fake.start();
  cleanups.push(() => fake.stop());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-github-interactions-'));
  const db = openDatabase(path.join(dir, 'rapport.db'));
  let clock = Date.parse('2026-12-01T12:00:00Z');
  const enrichment = new ProfileEnrichment(db, new MediaCache(path.join(dir, 'media')), () => clock);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    db.close();
  });
  cleanups.push(() => enrichment.close());
  const account = accountsRepo(db).upsert({ network: 'github', remoteId: '1', handle: 'octo-self', displayName: 'Octo Self' }, new Date(clock).toISOString());
  const kit = githubProviderFor(fake, { now: () => clock });
  const sync = async (walkMode: 'full' | 'auto' = 'auto') => {
    clock += 60_000;
    const job = new SyncJob({ db, account: account as Account, provider: kit.provider, enrichment, emit: () => {}, now: () => clock, walkMode, limitWaits: kit.http.limitWaits });
    await job.finished;
    await enrichment.whenIdle();
    expect(job.progress.state).toBe('done');
    return job;
  };
  const rows = () =>
    db.prepare(`SELECT item_key AS key, person_remote_id AS person, kind, direction, at, link, excerpt FROM interactions ORDER BY item_key`).all() as {
      key: string;
      person: string;
      kind: string;
      direction: string;
      at: string;
      link: string | null;
      excerpt: string | null;
    }[];
  const followers = fake.state.followers.map((e) => e.userId);
  return { fake, db, sync, rows, followers, accountId: account.id, later: (ms: number) => (clock += ms), now: () => clock };
}

describe('GitHub interactions', () => {
  it('stores the stars, forks, watchers, issues and pull requests of others on my repositories, once each', async () => {
    const { fake, sync, rows, followers, db, accountId } = await setup();
    const [a, b, c, d] = followers as [number, number, number, number];
    const repos = fake.state.repos;
    const tool = repos.add({ name: 'tool', pushedAt: '2026-11-30T10:00:00Z' });
    const lib = repos.add({ name: 'lib', pushedAt: '2026-11-20T10:00:00Z' });
    repos.star(tool, a, '2026-11-02T08:00:00Z');
    repos.star(lib, a, '2026-11-03T08:00:00Z');
    repos.star(tool, fake.state.self.id, '2026-11-01T08:00:00Z');
    repos.fork(tool, b, '2026-11-04T08:00:00Z');
    repos.watch(tool, fake.state.self.id);
    repos.watch(tool, c);
    repos.open(tool, a, 'Crash when\u202e the list is empty\n\n(steps inside)', '2026-11-05T08:00:00Z');
    repos.open(lib, d, 'Add a --dry-run flag', '2026-11-06T08:00:00Z', true);
    repos.open(lib, fake.state.self.id, 'My own roadmap', '2026-11-07T08:00:00Z');

    await sync('full');
    const stored = rows();
    expect(stored.map((r) => `${r.kind} ${r.person} ${r.direction}`).sort()).toEqual(
      [`star ${a} theirs`, `star ${a} theirs`, `fork ${b} theirs`, `watch ${c} theirs`, `issue ${a} theirs`, `pull ${d} theirs`].sort(),
    );
    const issue = stored.find((r) => r.kind === 'issue')!;
    expect(issue.excerpt).toBe('Crash when the list is empty (steps inside)');
    expect(issue.link).toBe(`${fake.url}/octo-self/tool/issues/1`);
    expect(stored.find((r) => r.kind === 'pull')!.link).toBe(`${fake.url}/octo-self/lib/pull/1`);
    expect(stored.find((r) => r.kind === 'star' && r.link?.endsWith('/lib'))!.at).toBe('2026-11-03T08:00:00.000Z');
    // The card's counts and "Most engaged first" key: a star 1 + an issue 3 + a star 1.
    const counts = interactionsRepo(db).countsFor(accountId, [String(a)]).get(String(a))!;
    expect(counts.map((x) => `${x.kind}:${x.count}`).sort()).toEqual(['issue:1', 'star:2']);
    const key = db.prepare(`SELECT t.sort_engagement FROM triage t JOIN people p ON p.id = t.person_id WHERE p.remote_id = ?`).pluck().get(String(a));
    expect(key).toBe(5);

    // Read again a day later with nothing new: nothing is stored twice.
    fake.resetLog();
    await sync('full');
    expect(rows()).toEqual(stored);
  });

  it('reads at most once a day, so an unchanged re-check stays at two requests and no rate-limit point', async () => {
    const { fake, sync, followers, later } = await setup();
    fake.state.repos.generate(followers, { count: 3, until: '2026-11-30T00:00:00Z' });
    await sync('full');
    expect(fake.requests.some((r) => REPO_ROUTES.test(r.route))).toBe(true);
    fake.resetLog();
    later(20 * HOUR);
    await sync();
    expect(fake.requests.filter((r) => r.route !== 'GET /avatars').map((r) => `${r.route} ${r.status}`)).toEqual(['GET /user/followers 304', 'GET /user/following 304']);
    expect(fake.pointsUsed()).toEqual({ core: 0, graphql: 0 });
  });

  it('after a day asks only for what is newer: the last page of stars, new forks and issues since the last reading', async () => {
    const { fake, sync, rows, followers, later, now } = await setup();
    const repo = fake.state.repos.add({ name: 'popular', pushedAt: '2026-11-30T10:00:00Z' });
    // 250 stars (three pages of 100), all before the first reading.
    for (let i = 0; i < 250; i++) fake.state.repos.star(repo, fake.state.generateUser(10_000 + i).id, new Date(Date.parse('2025-12-10T00:00:00Z') + i * HOUR).toISOString());
    await sync('full');
    expect(rows().filter((r) => r.kind === 'star')).toHaveLength(250);

    later(25 * HOUR);
    const [a, b] = followers as [number, number];
    fake.state.repos.star(repo, a, new Date(now() - HOUR).toISOString());
    fake.state.repos.fork(repo, b, new Date(now() - HOUR).toISOString());
    fake.state.repos.open(repo, a, 'Thanks, and a question', new Date(now() - HOUR).toISOString());
    fake.resetLog();
    await sync();
    expect(rows().filter((r) => r.person === String(a) || r.person === String(b)).map((r) => r.kind).sort()).toEqual(['fork', 'issue', 'star']);
    expect(rows()).toHaveLength(253);
    const repoRequests = fake.requests.filter((r) => REPO_ROUTES.test(r.route)).map((r) => r.route);
    // The repository list, then one page each: the last page of stars, forks, watchers, issues.
    expect(repoRequests).toEqual([
      'GET /user/repos',
      'GET /repos/:owner/:repo/stargazers',
      'GET /repos/:owner/:repo/forks',
      'GET /repos/:owner/:repo/subscribers',
      'GET /repos/:owner/:repo/issues',
    ]);
  });

  it(`reads only my ${GITHUB_INTERACTION_REPOS} most recently pushed repositories, never forks of others' projects`, async () => {
    const { fake, sync, rows, followers } = await setup();
    fake.state.repos.generate(followers, { count: GITHUB_INTERACTION_REPOS + 3, until: '2026-11-30T00:00:00Z', perRepo: 5 });
    const forked = fake.state.repos.add({ name: 'someone-elses', fork: true, pushedAt: '2026-12-01T00:00:00Z' });
    fake.state.repos.star(forked, followers[0]!, '2026-11-30T00:00:00Z');
    await sync('full');
    const linked = new Set(rows().map((r) => r.link!.split('/')[4]));
    expect([...linked].sort()).toEqual(Array.from({ length: GITHUB_INTERACTION_REPOS }, (_, i) => `project-${i + 1}`).sort());
  });

  it('reads a repository with more stars than GitHub pages from the last page it serves', async () => {
    const { fake, sync, rows } = await setup();
    const repo = fake.state.repos.add({ name: 'famous', pushedAt: '2026-11-30T10:00:00Z' });
    const start = Date.parse('2026-06-01T00:00:00Z');
    for (let i = 0; i < 40_050; i++) repo.stars.push({ userId: fake.state.addUser({ login: `fan-${i}` }).id, at: new Date(start + i * 60_000).toISOString() });
    await sync('full');
    const stars = rows().filter((r) => r.kind === 'star');
    expect(stars).toHaveLength(GITHUB_INTERACTION_PAGES * 100);
    expect(stars.map((r) => r.at).sort().at(-1)).toBe(new Date(start + 39_999 * 60_000).toISOString());
    expect(fake.requests.filter((r) => r.status === 422)).toEqual([]);
  });

  it('reads again whole at the next sync when a reading failed midway, storing nothing twice', async () => {
    const { fake, sync, rows, followers } = await setup();
    fake.state.repos.generate(followers, { count: 2, until: '2026-11-30T00:00:00Z' });
    fake.knobs.serverErrors = { count: 100, status: 502, routes: ['GET /repos/:owner/:repo/issues'] };
    await sync('full');
    expect(rows()).toEqual([]);
    fake.knobs.serverErrors = { count: 0, status: 502 };
    await sync();
    const stored = rows();
    expect(new Set(stored.map((r) => r.kind))).toEqual(new Set(['star', 'fork', 'watch', 'issue', 'pull']));
    expect(new Set(stored.map((r) => r.key)).size).toBe(stored.length);
  });
});
