import { describe, expect, it } from 'vitest';
import { APP_BACKGROUND_SYNC_MINUTES, entryCoreOptions } from './entryCoreOptions';

describe('entryCoreOptions', () => {
  it('gives the app https only, a sync on start and a background sync', () => {
    expect(entryCoreOptions({ dataDir: '/data' }, true)).toEqual({
      dataDir: '/data',
      samplePageDelayMs: undefined,
      backgroundSyncMinutes: APP_BACKGROUND_SYNC_MINUTES,
      syncOnStart: true,
      http: { httpsOnly: true },
    });
  });

  it('lets the harness and tests reach the fakes and sync only when asked', () => {
    const options = entryCoreOptions({ dataDir: '/data', samplePageDelayMs: 40 }, false);
    expect(options).toMatchObject({ syncOnStart: false, samplePageDelayMs: 40 });
    expect(options.http).toBeUndefined();
    expect(options.backgroundSyncMinutes).toBeUndefined();
  });

  it('keeps an explicit background interval either way', () => {
    expect(entryCoreOptions({ dataDir: '/d', backgroundSyncMinutes: 5 }, true).backgroundSyncMinutes).toBe(5);
    expect(entryCoreOptions({ dataDir: '/d', backgroundSyncMinutes: 5 }, false).backgroundSyncMinutes).toBe(5);
  });
});
