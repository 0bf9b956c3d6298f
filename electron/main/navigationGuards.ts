// Deny by default, for every WebContents the app ever creates: no navigation away from our
// origin, no new windows, no <webview>, no permission prompts. Links on the allow-list open in
// the user's browser instead.
import { app, type Session, type WebContents } from 'electron';
import { isTrustedUrl } from './appOrigin';
import type { MainLog } from './mainLog';

export interface NavigationPolicy {
  /** Origins the window may show (app://rapport, and the dev server in development). */
  trustedOrigins: ReadonlySet<string>;
  /** Opens an allowed https link outside the app; refuses (and logs) anything else. */
  openExternal(url: string): Promise<boolean>;
  log: MainLog;
}

/** Installs the guards on every future WebContents; call before the first window exists. */
export function installNavigationGuards(policy: NavigationPolicy): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));
}

export function hardenWebContents(contents: WebContents, policy: NavigationPolicy): void {
  const leaveAppFor = (url: string): boolean => {
    if (isTrustedUrl(url, policy.trustedOrigins)) return false;
    policy.log.warn('Blocked navigation away from the app');
    void policy.openExternal(url);
    return true;
  };

  contents.on('will-navigate', (event) => {
    if (leaveAppFor(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, policy.trustedOrigins)) {
      policy.log.warn('Blocked a redirect away from the app');
      event.preventDefault();
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    void policy.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    policy.log.warn('Blocked a <webview>');
    event.preventDefault();
  });
  denyAllPermissions(contents.session, policy.log);
}

/** Rapport needs no camera, notifications, clipboard reads or anything else a page may ask. */
export function denyAllPermissions(session: Session, log: MainLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('Denied a permission request:', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
