import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
  },
}));
vi.mock('electron', () => electron);

const { handleAppProtocol, registerAppScheme } = await import('./appProtocol');
const silentLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

let base: string | null = null;
afterEach(() => {
  if (base) rmSync(base, { recursive: true, force: true });
  base = null;
});

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable, without bypassing CSP', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const [[schemes]] = electron.protocol.registerSchemesAsPrivileged.mock.calls as [[{ privileges: object }[]]];
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(schemes[0]?.privileges).not.toHaveProperty('corsEnabled');
  });

  it('serves the renderer and the media cache through protocol.handle, guarded', async () => {
    base = mkdtempSync(join(tmpdir(), 'rapport-scheme-'));
    const rendererDir = join(base, 'renderer');
    const mediaDir = join(base, 'data', 'media');
    mkdirSync(rendererDir, { recursive: true });
    mkdirSync(join(mediaDir, 'avatars'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Rapport</title>');
    writeFileSync(join(mediaDir, 'avatars', 'a.svg'), '<svg/>');
    writeFileSync(join(base, 'data', 'rapport.db'), 'SQLite format 3');

    handleAppProtocol({ rendererDir, mediaDir }, silentLog);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    if (!handler) throw new Error('no handler registered');

    const page = await handler(new Request('app://rapport/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handler(new Request('app://rapport/media/avatars/a.svg'))).status).toBe(200);
    const escape = await handler(new Request('app://rapport/media/..%2frapport.db'));
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('SQLite');
  });
});
