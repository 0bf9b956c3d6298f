// The signed-in user's repositories in the fake GitHub, and what people did to them: stars (with
// the time, as `Accept: application/vnd.github.star+json` shows it), forks, watchers (GitHub keeps
// no date for a watch) and issues or pull requests they opened. Lists keep github.com's orders:
// stargazers and watchers oldest first, forks and issues as the query asks.

export interface FakeGithubStar {
  userId: number;
  at: string;
}

export interface FakeGithubFork {
  id: number;
  userId: number;
  at: string;
}

export interface FakeGithubIssue {
  id: number;
  number: number;
  userId: number;
  title: string;
  pull: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FakeGithubRepo {
  id: number;
  name: string;
  fork: boolean;
  pushedAt: string;
  /** Oldest first. */
  stars: FakeGithubStar[];
  forks: FakeGithubFork[];
  /** Oldest first. */
  watchers: number[];
  issues: FakeGithubIssue[];
}

/** The signed-in user's repositories, with ids for new forks and issues. */
export class FakeGithubRepos {
  readonly list: FakeGithubRepo[] = [];
  private nextId = 700_000;

  add(partial: Partial<FakeGithubRepo> & { name: string }): FakeGithubRepo {
    const repo: FakeGithubRepo = { id: this.nextId++, fork: false, pushedAt: '2026-11-01T10:00:00Z', stars: [], forks: [], watchers: [], issues: [], ...partial };
    this.list.push(repo);
    return repo;
  }

  byName(name: string): FakeGithubRepo | undefined {
    return this.list.find((r) => r.name.toLowerCase() === name.toLowerCase());
  }

  star(repo: FakeGithubRepo, userId: number, at: string): void {
    if (!repo.stars.some((s) => s.userId === userId)) repo.stars.push({ userId, at });
  }

  fork(repo: FakeGithubRepo, userId: number, at: string): FakeGithubFork {
    const fork = { id: this.nextId++, userId, at };
    repo.forks.push(fork);
    return fork;
  }

  watch(repo: FakeGithubRepo, userId: number): void {
    if (!repo.watchers.includes(userId)) repo.watchers.push(userId);
  }

  open(repo: FakeGithubRepo, userId: number, title: string, at: string, pull = false): FakeGithubIssue {
    const issue = { id: this.nextId++, number: repo.issues.length + 1, userId, title, pull, createdAt: at, updatedAt: at };
    repo.issues.push(issue);
    return issue;
  }

  /**
   * `count` repositories pushed one day apart (the first most recent), each starred, forked,
   * watched and given issues and pull requests by some of these people, spread over `days` days
   * before `until`.
   */
  generate(people: readonly number[], options: { count: number; until: string; days?: number; perRepo?: number }): void {
    const until = Date.parse(options.until);
    const days = options.days ?? 300;
    const perRepo = options.perRepo ?? 40;
    for (let r = 0; r < options.count; r++) {
      const repo = this.add({ name: `project-${r + 1}`, pushedAt: new Date(until - r * 86_400_000).toISOString() });
      const at = (i: number) => new Date(until - (days - (i * days) / perRepo) * 86_400_000).toISOString();
      for (let i = 0; i < perRepo && people.length > 0; i++) {
        const userId = people[(r * 7 + i * 3) % people.length]!;
        this.star(repo, userId, at(i));
        if (i % 4 === 0) this.fork(repo, userId, at(i));
        if (i % 5 === 0) this.watch(repo, userId);
        if (i % 6 === 0) this.open(repo, userId, `Question ${i} about ${repo.name}`, at(i), i % 12 === 0);
      }
    }
  }
}
