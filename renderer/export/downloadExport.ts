// Export: core writes the file's text (CSV or JSON of people with stage, tags, notes and dates);
// the window hands it to the browser's download (Electron asks where to save it).
import type { ExportFile, ExportFormat, PeopleFilter } from '../../shared/triageTypes';
import { call } from '../api/rapportClient';

/** Offers the file as a download through a temporary object URL. */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a short grace keeps slow engines safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports people (all, or those matching `filter`) and starts the download; resolves with the row count. */
export async function exportPeople(accountId: number, format: ExportFormat, filter?: PeopleFilter): Promise<number> {
  const file = await call('exportPeople', filter ? { accountId, format, filter } : { accountId, format });
  saveFile(file);
  return file.rows;
}
