// The one way main opens anything outside the app.
import { shell } from 'electron';
import { checkExternalUrl, ExternalHostAllowList } from './externalUrlPolicy';
import type { MainLog } from './mainLog';

/** Process-wide allow-list; network providers add their instances' hosts as accounts connect. */
export const externalHosts = new ExternalHostAllowList();

/** Opens `url` in the user's browser when the policy allows it; returns whether it did. */
export async function openExternalSafely(
  url: string,
  allowList: ExternalHostAllowList = externalHosts,
  log?: MainLog,
): Promise<boolean> {
  const verdict = checkExternalUrl(url, allowList);
  if (!verdict.allowed) {
    log?.warn('Refused to open an external link:', verdict.reason);
    return false;
  }
  try {
    await shell.openExternal(verdict.href);
    return true;
  } catch (error) {
    log?.error('The system could not open an external link:', errorMessage(error));
    return false;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
