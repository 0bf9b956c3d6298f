// Recent public activity in place of posts: GitHub has no posts, but /users/{login}/events/public
// says what someone has been doing. Each event becomes one readable line ("Opened pull request
// #12 in acme/tool: Fix the parser"); event types nobody would read as activity are left out.
import type { RemotePost } from '../provider';
import type { RestEvent } from './githubSchemas';

const MAX_LINE = 300;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The line an event reads as, or null for events left out. */
export function activityLine(event: RestEvent): string | null {
  const repo = event.repo?.name ?? 'a repository';
  const payload = event.payload ?? {};
  const action = str(payload.action);
  switch (event.type) {
    case 'PushEvent': {
      const commits = num(payload.size) ?? num(payload.distinct_size);
      return commits === null ? `Pushed to ${repo}` : `Pushed ${commits} ${commits === 1 ? 'commit' : 'commits'} to ${repo}`;
    }
    case 'PullRequestEvent': {
      const pr = record(payload.pull_request);
      const verb = action === 'closed' ? (pr.merged === true ? 'Merged' : 'Closed') : action === 'reopened' ? 'Reopened' : 'Opened';
      const title = str(pr.title);
      return `${verb} pull request #${num(pr.number) ?? num(payload.number) ?? '?'} in ${repo}${title ? `: ${title}` : ''}`;
    }
    case 'IssuesEvent': {
      const issue = record(payload.issue);
      const verb = action === 'closed' ? 'Closed' : action === 'reopened' ? 'Reopened' : 'Opened';
      const title = str(issue.title);
      return `${verb} issue #${num(issue.number) ?? '?'} in ${repo}${title ? `: ${title}` : ''}`;
    }
    case 'IssueCommentEvent': {
      const issue = record(payload.issue);
      return `Commented on #${num(issue.number) ?? '?'} in ${repo}`;
    }
    case 'PullRequestReviewEvent':
      return `Reviewed a pull request in ${repo}`;
    case 'ReleaseEvent': {
      const release = record(payload.release);
      return `Released ${str(release.tag_name) ?? str(release.name) ?? 'a version'} of ${repo}`;
    }
    case 'WatchEvent':
      return `Starred ${repo}`;
    case 'ForkEvent':
      return `Forked ${repo}`;
    case 'CreateEvent':
      return str(payload.ref_type) === 'repository' ? `Created repository ${repo}` : null;
    case 'PublicEvent':
      return `Made ${repo} public`;
    default:
      return null;
  }
}

export function eventsToPosts(events: RestEvent[], limit: number): RemotePost[] {
  const posts: RemotePost[] = [];
  for (const event of events) {
    const line = activityLine(event);
    if (line === null) continue;
    posts.push({ remoteId: event.id, text: line.slice(0, MAX_LINE), html: null, createdAt: event.created_at, isReply: false, isRepost: false });
    if (posts.length >= limit) break;
  }
  return posts;
}
