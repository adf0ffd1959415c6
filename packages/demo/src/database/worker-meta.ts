/** What the page tells the demo database worker (PGliteWorker's `meta` option). */
export interface WorkerMeta {
  /** Where the gzipped data directory of the snapshot is served. */
  snapshotUrl: string;
  /** Kept databases whose name starts with this and is not the current one are deleted. */
  keepPrefix: string;
}
