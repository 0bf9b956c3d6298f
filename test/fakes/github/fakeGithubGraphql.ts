// The GraphQL subset Rapport uses, answered from the fake's state: the viewer's followers and
// following connections, paged backwards (`last`, `before`) with full profiles. Operations are
// recognised by name (the fake has no GraphQL parser); anything else answers the way GitHub
// answers a query it cannot run, 200 with `errors`.
import type { FakeGithubKnobs } from './fakeGithubKnobs';
import type { FakeGithubState } from './fakeGithubState';
import { graphqlUser } from './fakeGithubViews';

export interface GraphqlAnswer {
  status: number;
  body: unknown;
  /** Rate-limit points the query cost (GitHub: one per 100 nodes requested, at least 1). */
  cost: number;
}

const OPERATIONS: Record<string, 'followers' | 'following'> = {
  RapportFollowers: 'followers',
  RapportFollowing: 'following',
};

export function encodeCursor(seq: number): string {
  return Buffer.from(`cursor:v2:${seq}`).toString('base64');
}

function decodeCursor(cursor: string): number | null {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] ? Number(match[1]) : null;
}

export function answerGraphql(state: FakeGithubState, knobs: FakeGithubKnobs, origin: string, body: unknown): GraphqlAnswer {
  const request = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
  const query = typeof request.query === 'string' ? request.query : '';
  const name = /^\s*query\s+(\w+)/.exec(query)?.[1] ?? '';
  const list = OPERATIONS[name];
  if (!list) return { status: 200, body: { errors: [{ type: 'UNKNOWN', message: `Unknown operation ${name || '(anonymous)'}` }] }, cost: 1 };
  const variables = request.variables ?? {};
  const last = Number(variables.last);
  if (!Number.isInteger(last) || last < 1 || last > 100) {
    return {
      status: 200,
      body: { errors: [{ type: 'ARGUMENT_LIMIT', message: `Requesting ${String(variables.last)} records on the \`${list}\` connection exceeds the \`last\` limit of 100 records.` }] },
      cost: 1,
    };
  }
  const before = typeof variables.before === 'string' ? decodeCursor(variables.before) : null;
  if (typeof variables.before === 'string' && before === null) {
    return { status: 200, body: { errors: [{ type: 'INVALID_CURSOR_ARGUMENTS', message: '`before` does not appear to be a valid cursor.' }] }, cost: 1 };
  }
  const all = state.visible(list);
  const upTo = before === null ? all : all.filter((item) => item.edge.seq < before);
  const size = Math.min(last, knobs.pageSize);
  const page = upTo.slice(Math.max(0, upTo.length - size));
  const first = page[0];
  const data = {
    viewer: {
      [list]: {
        totalCount: all.length,
        pageInfo: {
          hasPreviousPage: upTo.length > page.length,
          startCursor: first ? encodeCursor(first.edge.seq) : null,
        },
        nodes: page.map((item) => graphqlUser(origin, state, item.user)),
      },
    },
  };
  return { status: 200, body: { data }, cost: Math.max(1, Math.round((1 + page.length) / 100)) };
}
