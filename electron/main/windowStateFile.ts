// The window's size, place and maximized state, in window-state.json in userData. Written
// atomically (a temporary file renamed over the old one), so a crash mid-write leaves the previous
// state rather than a torn file; read through a schema, so a damaged file means "defaults".
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

const length = z.number().int().min(1).max(100_000);
const coordinate = z.number().int().min(-100_000).max(100_000);

export const windowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export function readWindowState(file: string): WindowState | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, `${JSON.stringify(windowStateSchema.parse(state))}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
