// The desktop settings in the settings table, one JSON value under one key. Read through the
// contract's schema, so a value written by an older or newer Rapport falls back to the defaults
// for whatever it does not say, instead of failing.
import type Database from 'better-sqlite3';
import {
  DEFAULT_DESKTOP_SETTINGS,
  desktopSettingsSchema,
  type DesktopSettings,
} from '../../../shared/api/desktopEvents';
import { perDatabase } from '../repos/perDatabase';

const KEY = 'desktop';

const statements = perDatabase((db: Database.Database) => ({
  get: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
  set: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

export function readDesktopSettings(db: Database.Database): DesktopSettings {
  const raw = statements(db).get.get(KEY) as string | undefined;
  if (raw === undefined) return { ...DEFAULT_DESKTOP_SETTINGS };
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return { ...DEFAULT_DESKTOP_SETTINGS };
  }
  const merged = desktopSettingsSchema.partial().strip().safeParse(stored);
  return { ...DEFAULT_DESKTOP_SETTINGS, ...(merged.success ? merged.data : {}) };
}

/** Stores the settings given over the current ones; returns all of them. */
export function writeDesktopSettings(db: Database.Database, change: Partial<DesktopSettings>): DesktopSettings {
  const next = { ...readDesktopSettings(db), ...definedOnly(change) };
  statements(db).set.run(KEY, JSON.stringify(next));
  return next;
}

function definedOnly(change: Partial<DesktopSettings>): Partial<DesktopSettings> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}
