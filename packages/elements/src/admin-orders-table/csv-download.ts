/**
 * Hands a file to the browser's download, through a temporary object URL and an `<a download>`.
 * The URL is revoked on the next task, once the browser has taken the file.
 */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `orders-2026-11-30.csv`: the day of the export in UTC. */
export function csvFilename(now = new Date()): string {
  return `orders-${now.toISOString().slice(0, 10)}.csv`;
}
