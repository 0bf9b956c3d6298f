// The networks table (0007): which networks accounts may belong to. Filled from the module
// registry when core starts, so a new network is a registry line, not a migration. Names are only
// ever added: a network that leaves the registry keeps its row while accounts still use it.
import type Database from 'better-sqlite3';
import { perDatabase } from './perDatabase';

export const networksRepo = perDatabase((db: Database.Database) => {
  const insert = db.prepare('INSERT OR IGNORE INTO networks (name) VALUES (?)');
  const list = db.prepare('SELECT name FROM networks ORDER BY name');
  const register = db.transaction((names: readonly string[]) => {
    for (const name of names) insert.run(name);
  });
  return {
    register(names: readonly string[]): void {
      register(names);
    },
    names(): string[] {
      return (list.all() as { name: string }[]).map((r) => r.name);
    },
  };
});
