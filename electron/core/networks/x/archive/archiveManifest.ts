// data/manifest.js (`window.__THAR_CONFIG = { … }`): who the archive belongs to, when X generated
// it, and for every data type the files that hold it with their item counts. Large types are split
// (`tweets.js`, `tweets-part1.js`, …), so Rapport never assumes one file per type and reads
// exactly the files listed. The manifest is untrusted: names must be plain data/*.js files,
// global names must match X's pattern, counts must be numbers, and the importer later checks
// each file really holds the part and the number of items the manifest claims.
import { z } from 'zod';
import { archiveError } from './archiveImportError';
import type { ArchiveLimits } from './archiveLimits';
import type { ArchiveSource } from './archiveSource';
import { readAssignedJson } from './ytdArrayStream';

export const MANIFEST_FILE = 'data/manifest.js';
const MANIFEST_GLOBAL = '__THAR_CONFIG';

const countText = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]).transform(Number);

const manifestFile = z.object({
  fileName: z.string().regex(/^data\/[A-Za-z0-9_.-]+\.js$/),
  globalName: z.string().regex(/^YTD\.[A-Za-z0-9_]+\.part\d{1,4}$/),
  count: countText,
});

const dataType = z.looseObject({ files: z.array(manifestFile).max(1000).optional() });

const manifestSchema = z.looseObject({
  userInfo: z.looseObject({ accountId: z.string().regex(/^\d{1,25}$/), userName: z.string().max(100).optional(), displayName: z.string().max(200).optional() }),
  archiveInfo: z.looseObject({ generationDate: z.iso.datetime({ offset: true }) }),
  dataTypes: z.record(z.string(), dataType),
});

export interface ManifestFile {
  fileName: string;
  globalName: string;
  count: number;
}

export interface ArchiveManifest {
  ownerId: string;
  /** When X generated the archive: the snapshot's date (ISO-8601 UTC). */
  generatedAt: string;
  /** The files of a data type (first listed name that exists), [] when the archive has none. */
  filesOf(...types: string[]): ManifestFile[];
}

/** The manifest lists names with dots; the table of contents must not point anywhere odd. */
function checkNames(files: ManifestFile[]): void {
  for (const file of files) if (file.fileName.includes('..')) throw archiveError('unsafePath', file.fileName);
}

export async function readManifest(source: ArchiveSource, limits: ArchiveLimits): Promise<ArchiveManifest> {
  if (!source.has(MANIFEST_FILE)) throw archiveError('notAnArchive', 'no data/manifest.js inside');
  const json = await readAssignedJson(await source.open(MANIFEST_FILE), MANIFEST_FILE, MANIFEST_GLOBAL, limits.maxManifestBytes);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unsafe = issue?.path.includes('fileName') && JSON.stringify(json).includes('..');
    throw archiveError(unsafe ? 'unsafePath' : 'manifest', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
  }
  const manifest = parsed.data;
  for (const type of Object.values(manifest.dataTypes)) checkNames(type.files ?? []);
  return {
    ownerId: manifest.userInfo.accountId,
    generatedAt: new Date(manifest.archiveInfo.generationDate).toISOString(),
    filesOf(...types: string[]): ManifestFile[] {
      for (const type of types) {
        const files = manifest.dataTypes[type]?.files;
        if (files) return files;
      }
      return [];
    },
  };
}
