import { describe, expect, it } from 'vitest';
import { mainWindowOptions, WINDOW_BACKGROUND } from './windowOptions';

describe('main window options', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.js', dark: false });
  const prefs = options.webPreferences ?? {};

  it('sandboxes the renderer and isolates its context', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
  });

  it('gives the page no Node.js, in any frame or worker', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and experiments off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the bundled preload and stays hidden until painted', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
    expect(options.show).toBe(false);
  });

  it('paints the background of the OS theme', () => {
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(mainWindowOptions({ preloadPath: 'p', dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });
});
