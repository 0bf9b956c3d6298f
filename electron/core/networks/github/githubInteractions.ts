// Who engages with my GitHub work: stars, forks and watchers of my repositories, and the issues and
// pull requests people opened on them, as interactions toward me.
//
// GitHub has no notification stream of these (its notifications are threads, not stars), so each
// reading asks every repository in turn, bounded: my most recently pushed repositories only, and
// a few pages per list. It is one "page" to the interactions walk (cursor null): the reading is
// small and inserts are idempotent, so a killed reading simply starts over next time.
//
// Cost: a reading costs a request or more per list and repository, so it runs at most once a day.
// The walk hands back the newest item of the last completed reading as `newerThan`; this reading
// names its own as `walk@<ISO time it started>`, which tells the next one when that was: before a
// day has passed the next reading asks nothing (an unchanged re-check stays at its two 304s), and
// after it asks only for what is newer where GitHub allows:
// - stars: `Accept: application/vnd.github.star+json` gives `starred_at`; stargazers are listed
//   oldest first, so the newest are read from the last page (known from `stargazers_count`) back;
// - forks: `sort=newest`, read until one is older than the last reading;
// - issues and pull requests: `since` (updated at or after) with `sort=created`, newest first;
// - watchers: GitHub keeps no date for a watch, so the first page is read and a watcher is dated
//   when first seen (the key per repository and person stores each once).
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import type { InteractionKind } from '../../../../shared/interactions';
import { interactionExcerpt } from '../interactionExcerpt';
import type { InteractionsPage, InteractionsPosition, RemoteInteraction } from '../provider';
import { githubError, statusOf } from './githubErrors';

/** Repositories read per reading: the most recently pushed, where new attention lands. */
export const GITHUB_INTERACTION_REPOS = 10;
/** Pages of 100 read per list and repository in one reading. */
export const GITHUB_INTERACTION_PAGES = 3;
/** A reading runs at most this often. */
export const GITHUB_INTERACTIONS_EVERY_MS = 24 * 3600_000;
/** Read back a little before the last reading, for clocks that disagree with GitHub's. */
const OVERLAP_MS = 3600_000;
const PER_PAGE = 100;
/**
 * GitHub pages stargazers only so far back ("pagination is limited for this resource": 400 pages
 * of 100); past it a page answers 422, so a repository with more stars is read from there back.
 */
export const GITHUB_STARGAZER_PAGES_LIMIT = 400;
const WALK_KEY = 'walk@';

const userSchema = z.object({ id: z.number().int().positive(), login: z.string().min(1).max(100) });
const repoSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(100),
  fork: z.boolean().catch(false),
  owner: z.object({ login: z.string().min(1).max(100) }),
  stargazers_count: z.number().int().nonnegative().catch(0),
  forks_count: z.number().int().nonnegative().catch(0),
});
type Repo = z.infer<typeof repoSchema>;
const starSchema = z.object({ starred_at: z.string().datetime({ offset: true }), user: userSchema });
const forkSchema = z.object({ id: z.number().int().positive(), name: z.string().min(1).max(100), owner: userSchema, created_at: z.string().datetime({ offset: true }) });
const issueSchema = z.object({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  title: z.string().nullable().catch(null),
  user: userSchema,
  created_at: z.string().datetime({ offset: true }),
  pull_request: z.unknown().optional(),
});

/** When the reading that named this key started, or null for a key of another shape (or none). */
export function lastReadingAt(newerThan: string | null): number | null {
  if (newerThan === null || !newerThan.startsWith(WALK_KEY)) return null;
  const at = Date.parse(newerThan.slice(WALK_KEY.length));
  return Number.isFinite(at) ? at : null;
}

const iso = (text: string): string => new Date(text).toISOString();
const segment = encodeURIComponent;

export class GithubInteractions {
  constructor(
    private readonly octokit: Octokit,
    private readonly webBase: string,
    /** My own numeric id: what I do on my repositories is not someone engaging with me. */
    private readonly selfId: () => number | null,
    private readonly now: () => number,
  ) {}

  async read(position: InteractionsPosition, signal?: AbortSignal): Promise<InteractionsPage> {
    const startedAt = this.now();
    const last = lastReadingAt(position.newerThan);
    if (last !== null && startedAt - last < GITHUB_INTERACTIONS_EVERY_MS) return { items: [], cursor: null, ignored: 0, head: null };
    const since = last === null ? null : new Date(last - OVERLAP_MS).toISOString();
    const found: RemoteInteraction[] = [];
    let ignored = 0;
    const keep = (item: RemoteInteraction | null): void => {
      if (item === null) ignored++;
      else if (item.personRemoteId !== String(this.selfId())) found.push(item);
    };
    for (const repo of await this.repositories(signal)) {
      const at = new Date(startedAt).toISOString();
      await this.stars(repo, since, keep, signal);
      await this.forks(repo, since, keep, signal);
      await this.watchers(repo, at, keep, signal);
      await this.issues(repo, since, keep, signal);
    }
    found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const head = new Date(startedAt).toISOString();
    return { items: found, cursor: null, ignored, head: { key: `${WALK_KEY}${head}`, at: head } };
  }

  private async get(route: string, params: Record<string, unknown>, what: string, signal?: AbortSignal): Promise<unknown[]> {
    try {
      const response = await this.octokit.request(route, { ...params, request: { signal } });
      return Array.isArray(response.data) ? (response.data as unknown[]) : [];
    } catch (error) {
      // A repository deleted since the list (404) or a page past what GitHub pages (422) reads as
      // empty: the rest of the reading goes on.
      const status = statusOf(error);
      if ((status === 404 || status === 422) && !signal?.aborted) return [];
      throw githubError(error, what, signal);
    }
  }

  /** A page with room for forks among them, which are left out. */
  private async repositories(signal?: AbortSignal): Promise<Repo[]> {
    const raw = await this.get('GET /user/repos', { type: 'owner', sort: 'pushed', direction: 'desc', per_page: GITHUB_INTERACTION_REPOS * 3 }, 'list your repositories', signal);
    const repos: Repo[] = [];
    for (const item of raw) {
      const repo = repoSchema.safeParse(item);
      // Attention to a fork of someone else's project is mostly attention to theirs.
      if (repo.success && !repo.data.fork) repos.push(repo.data);
    }
    return repos.slice(0, GITHUB_INTERACTION_REPOS);
  }

  private repoLink(repo: Repo): string {
    return `${this.webBase}/${segment(repo.owner.login)}/${segment(repo.name)}`;
  }

  private repoParams(repo: Repo): Record<string, unknown> {
    return { owner: repo.owner.login, repo: repo.name, per_page: PER_PAGE };
  }

  private item(key: string, user: { id: number }, kind: InteractionKind, at: string, link: string, excerpt: string | null = null): RemoteInteraction {
    return { key, personRemoteId: String(user.id), kind, direction: 'theirs', at, link, excerpt };
  }

  /** Newest stars first: from the last page back, until one is older than `since`. */
  private async stars(repo: Repo, since: string | null, keep: (item: RemoteInteraction | null) => void, signal?: AbortSignal): Promise<void> {
    const lastPage = Math.min(Math.ceil(repo.stargazers_count / PER_PAGE), GITHUB_STARGAZER_PAGES_LIMIT);
    for (let page = lastPage, read = 0; page >= 1 && read < GITHUB_INTERACTION_PAGES; page--, read++) {
      const raw = await this.get(
        'GET /repos/{owner}/{repo}/stargazers',
        { ...this.repoParams(repo), page, headers: { accept: 'application/vnd.github.star+json' } },
        'list who starred your repositories',
        signal,
      );
      let older = false;
      for (const entry of raw) {
        const star = starSchema.safeParse(entry);
        if (!star.success) {
          keep(null);
          continue;
        }
        const at = iso(star.data.starred_at);
        if (since !== null && at < since) older = true;
        else keep(this.item(`star:${repo.id}:${star.data.user.id}`, star.data.user, 'star', at, this.repoLink(repo)));
      }
      if (older) return;
    }
  }

  private async forks(repo: Repo, since: string | null, keep: (item: RemoteInteraction | null) => void, signal?: AbortSignal): Promise<void> {
    if (repo.forks_count === 0) return;
    for (let page = 1; page <= GITHUB_INTERACTION_PAGES; page++) {
      const raw = await this.get('GET /repos/{owner}/{repo}/forks', { ...this.repoParams(repo), sort: 'newest', page }, 'list the forks of your repositories', signal);
      for (const entry of raw) {
        const fork = forkSchema.safeParse(entry);
        if (!fork.success) {
          keep(null);
          continue;
        }
        const at = iso(fork.data.created_at);
        if (since !== null && at < since) return;
        const link = `${this.webBase}/${segment(fork.data.owner.login)}/${segment(fork.data.name)}`;
        keep(this.item(`fork:${fork.data.id}`, fork.data.owner, 'fork', at, link));
      }
      if (raw.length < PER_PAGE) return;
    }
  }

  private async watchers(repo: Repo, seenAt: string, keep: (item: RemoteInteraction | null) => void, signal?: AbortSignal): Promise<void> {
    const raw = await this.get('GET /repos/{owner}/{repo}/subscribers', { ...this.repoParams(repo), page: 1 }, 'list who watches your repositories', signal);
    for (const entry of raw) {
      const user = userSchema.safeParse(entry);
      keep(user.success ? this.item(`watch:${repo.id}:${user.data.id}`, user.data, 'watch', seenAt, this.repoLink(repo)) : null);
    }
  }

  private async issues(repo: Repo, since: string | null, keep: (item: RemoteInteraction | null) => void, signal?: AbortSignal): Promise<void> {
    const params = { ...this.repoParams(repo), state: 'all', sort: 'created', direction: 'desc', ...(since === null ? {} : { since }) };
    for (let page = 1; page <= GITHUB_INTERACTION_PAGES; page++) {
      const raw = await this.get('GET /repos/{owner}/{repo}/issues', { ...params, page }, 'list the issues on your repositories', signal);
      for (const entry of raw) {
        const issue = issueSchema.safeParse(entry);
        if (!issue.success) {
          keep(null);
          continue;
        }
        const at = iso(issue.data.created_at);
        if (since !== null && at < since) return;
        const pull = issue.data.pull_request !== undefined && issue.data.pull_request !== null;
        const link = `${this.repoLink(repo)}/${pull ? 'pull' : 'issues'}/${issue.data.number}`;
        keep(this.item(`issue:${issue.data.id}`, issue.data.user, pull ? 'pull' : 'issue', at, link, interactionExcerpt(issue.data.title)));
      }
      if (raw.length < PER_PAGE) return;
    }
  }
}
