// How much of an archive Rapport is willing to read. X archives are often gigabytes because of
// media, but Rapport reads only a handful of JavaScript data files; these caps bound what one
// import can make us inflate and parse, so a crafted zip (a "zip bomb": a small entry that inflates
// to many gigabytes) is refused before it costs memory or disk.

export interface ArchiveLimits {
  /** Largest uncompressed size of one data file Rapport reads (tweets.js of a prolific account is large). */
  maxEntryBytes: number;
  /** Sum of the uncompressed sizes of every data file one import reads. */
  maxTotalBytes: number;
  /**
   * Largest uncompressed/compressed ratio of an entry bigger than ratioFloorBytes. JSON text
   * deflates about 5-20x; deflate's own ceiling is about 1,030x, which is what bombs use.
   */
  maxRatio: number;
  /** Entries smaller than this are never refused for their ratio (tiny files compress oddly). */
  ratioFloorBytes: number;
  /** The manifest is read whole: it is a few kilobytes in real archives. */
  maxManifestBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntryBytes: 4 * 1024 ** 3,
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxManifestBytes: 1024 * 1024,
};
