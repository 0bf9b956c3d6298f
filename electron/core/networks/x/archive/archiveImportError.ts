// Why an archive was refused. Every refusal is a RapportError the user can act on (a sentence that
// says what is wrong with the file and what to do), plus a reason tests and the window can match.
import { RapportError, type ErrorCode } from '../../../../../shared/api/errors';

export type ArchiveProblem =
  | 'notAnArchive' // not a zip, and not a folder holding data/manifest.js
  | 'truncated' // a zip whose end is missing (an interrupted download)
  | 'unsafePath' // an entry or manifest file name that climbs out of the archive
  | 'tooLarge' // an entry that inflates beyond the caps (zip bomb) or beyond its declared size
  | 'manifest' // data/manifest.js missing, malformed or lying (files absent, counts wrong)
  | 'malformed' // a data file that is not the JSON X writes
  | 'wrongOwner' // an archive of another X account than the one connected
  | 'olderThanNewest'; // informational: an older archive only filled gaps (never thrown)

export class ArchiveImportError extends RapportError {
  readonly problem: ArchiveProblem;
  constructor(problem: ArchiveProblem, message: string, code: ErrorCode = 'INVALID_INPUT') {
    super(code, message);
    this.name = 'ArchiveImportError';
    this.problem = problem;
  }
}

/** The sentences below end with what to do; the file's own text is never echoed back in full. */
export function archiveError(problem: Exclude<ArchiveProblem, 'olderThanNewest'>, detail?: string): ArchiveImportError {
  const suffix = detail ? ` (${detail.slice(0, 120)})` : '';
  switch (problem) {
    case 'notAnArchive':
      return new ArchiveImportError(problem, `This is not an X archive: pick the .zip X sent you, or the folder you unzipped it into${suffix}.`);
    case 'truncated':
      return new ArchiveImportError(problem, `This zip file is incomplete, probably an interrupted download: download your archive from X again${suffix}.`);
    case 'unsafePath':
      return new ArchiveImportError(problem, `This archive contains a file name that points outside the archive, so Rapport refused it. Download your archive from X again${suffix}.`);
    case 'tooLarge':
      return new ArchiveImportError(problem, `A file in this archive inflates far beyond its size, so Rapport refused to unpack it. Download your archive from X again${suffix}.`);
    case 'manifest':
      return new ArchiveImportError(problem, `This archive's table of contents (data/manifest.js) does not match its files, so nothing was imported. Download your archive from X again${suffix}.`);
    case 'malformed':
      return new ArchiveImportError(problem, `A data file in this archive is damaged, so nothing was imported. Download your archive from X again${suffix}.`);
    case 'wrongOwner':
      return new ArchiveImportError(problem, `This archive belongs to another X account${suffix}. Import the archive of the account connected here, or add that account first.`, 'CONFLICT');
  }
}
