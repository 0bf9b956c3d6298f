// Slow-query logging: every statement prepared after watchSlowQueries() reports the executions of
// run/get/all that take at least thresholdMs. Off by default; core turns it on from
// CreateCoreOptions.slowQueryMs so a slow board or sync can be diagnosed from the log alone.
import type Database from 'better-sqlite3';

export interface SlowQuery {
  sql: string;
  ms: number;
}

export type SlowQueryListener = (query: SlowQuery) => void;

const TIMED = new Set<PropertyKey>(['run', 'get', 'all']);
/** Methods that return the statement itself; they must hand back the proxy to keep timing on. */
const CHAINED = new Set<PropertyKey>(['pluck', 'expand', 'raw', 'bind', 'safeIntegers']);

type AnyMethod = (...args: unknown[]) => unknown;

function timeStatement(statement: Database.Statement, thresholdMs: number, report: SlowQueryListener): Database.Statement {
  const proxy: Database.Statement = new Proxy(statement, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value as AnyMethod;
      if (TIMED.has(prop)) {
        return (...args: unknown[]) => {
          const start = performance.now();
          try {
            return method.apply(target, args);
          } finally {
            const ms = performance.now() - start;
            if (ms >= thresholdMs) report({ sql: target.source, ms });
          }
        };
      }
      if (CHAINED.has(prop)) {
        return (...args: unknown[]) => {
          method.apply(target, args);
          return proxy;
        };
      }
      // Native methods need the real statement as `this`.
      return method.bind(target);
    },
  });
  return proxy;
}

export function watchSlowQueries(db: Database.Database, thresholdMs: number, report: SlowQueryListener): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => timeStatement(prepare(source), thresholdMs, report)) as typeof db.prepare;
}
