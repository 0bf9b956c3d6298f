// An archive the user already unzipped: the folder that holds data/manifest.js. Names come from
// the manifest, which is untrusted, so every path is resolved (symlinks too) and must stay inside
// the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { archiveError } from './archiveImportError';
import type { ArchiveLimits } from './archiveLimits';
import { byteCap, type ArchiveSource, type ByteBudget } from './archiveSource';

const SAFE_NAME = /^data\/[^/\\]+\.js$/;

export async function openFolderArchive(folder: string, limits: ArchiveLimits, budget: ByteBudget): Promise<ArchiveSource> {
  const root = await fs.promises.realpath(folder);
  if (!fs.existsSync(path.join(root, 'data', 'manifest.js'))) throw archiveError('notAnArchive', 'no data/manifest.js in this folder');

  async function resolveInside(name: string): Promise<string | null> {
    if (!SAFE_NAME.test(name) || name.includes('..')) throw archiveError('unsafePath', name);
    let real: string;
    try {
      real = await fs.promises.realpath(path.join(root, name));
    } catch {
      return null;
    }
    if (!real.startsWith(root + path.sep)) throw archiveError('unsafePath', name);
    return real;
  }

  const present = new Set<string>();
  const dataDir = path.join(root, 'data');
  for (const file of await fs.promises.readdir(dataDir)) if (file.endsWith('.js')) present.add(`data/${file}`);

  return {
    has: (name) => present.has(name),
    async open(name: string): Promise<Readable> {
      const real = await resolveInside(name);
      if (!real) throw archiveError('manifest', `${name} is missing`);
      const { size } = await fs.promises.stat(real);
      if (size > limits.maxEntryBytes) throw archiveError('tooLarge', `${name} is ${size} bytes`);
      return fs.createReadStream(real).pipe(byteCap(name, size, limits, budget));
    },
    async close(): Promise<void> {},
  };
}

/** A path the user picked: a zip file or an unzipped folder. */
export async function isFolder(archivePath: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(archivePath)).isDirectory();
  } catch {
    throw archiveError('notAnArchive', 'the file cannot be read');
  }
}
