// Where Rapport keeps its data: <appData>/Rapport (~/.config/Rapport, ~/Library/Application
// Support/Rapport, %APPDATA%\Rapport), named explicitly because Electron would otherwise take
// package.json's lower-case `name`. `npm run dev` keeps its own folder so experiments never
// touch the installed app's database.
import { join } from 'node:path';

export const DATA_DIR_NAME = 'Rapport';
export const DEV_DATA_DIR_NAME = 'Rapport Dev';

export function userDataDir(appDataDir: string, isDev: boolean): string {
  return join(appDataDir, isDev ? DEV_DATA_DIR_NAME : DATA_DIR_NAME);
}
