// Repositories prepare their statements once per connection. perDatabase(factory) returns a
// getter that builds the repository on first use for a given db and hands back the same one after.
import type Database from 'better-sqlite3';

export function perDatabase<T>(factory: (db: Database.Database) => T): (db: Database.Database) => T {
  const cache = new WeakMap<Database.Database, T>();
  return (db) => {
    let repo = cache.get(db);
    if (repo === undefined) {
      repo = factory(db);
      cache.set(db, repo);
    }
    return repo;
  };
}
