// Adding an X account from the Add account dialog by importing an archive, against a real core
// reading a real zip written by the archive builder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { writeXArchiveZip } from '../../../test/fakes/x/xArchiveBuilder';
import { closeAllCoreApis, openCoreApi, type CoreApi } from '../../../test/renderer/coreApi';
import { renderWithApi, stubLayout } from '../../../test/renderer/renderWithApi';
import { useAccountsStore } from '../../stores/accountsStore';
import { makeScratchDir, type ScratchDir } from '../../../test/renderer/scratchFiles';

const OWNER = { id: '4242', username: 'rapport_me', displayName: 'Me Myself' };
let api: CoreApi;
let scratch: ScratchDir;
let restoreLayout: () => void;

beforeEach(async () => {
  restoreLayout = stubLayout();
  scratch = makeScratchDir('rapport-x-form-');
  api = await openCoreApi();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
  scratch.remove();
});

async function openXDialog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Import your X archive' }));
  return screen.findByRole('dialog', { name: 'Add account' });
}

describe('X archive sign-in form', () => {
  it('says what is missing, then shows core’s sentence for a file that is not an archive', async () => {
    renderWithApi(api);
    const dialog = await openXDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import archive' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Enter where your X archive is/);
    expect(api.callsOf('beginSignIn')).toEqual([]);

    const notes = scratch.write('notes.zip', 'not a zip');
    fireEvent.change(within(dialog).getByLabelText('Your X archive'), { target: { value: notes } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import archive' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/This is not an X archive/));
    expect(await api.core.call('listAccounts', {})).toEqual({ ok: true, value: [] });
  });

  it('imports the archive, closes, and shows the owner’s board with the archive’s counts', async () => {
    const archive = scratch.pathOf('twitter-2026-12-01.zip');
    await writeXArchiveZip(archive, { owner: OWNER, generatedAt: '2026-12-01T08:00:00.000Z', followers: ['101', '102', '103'], following: ['103'] });
    renderWithApi(api);
    const dialog = await openXDialog();
    fireEvent.change(within(dialog).getByLabelText('Your X archive'), { target: { value: `  ${archive} ` } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import archive' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    expect(api.callsOf('beginSignIn')).toEqual([{ network: 'x', archivePath: archive }]);
    const accountId = useAccountsStore.getState().selectedId;
    expect(useAccountsStore.getState().accounts).toMatchObject([{ id: accountId, network: 'x', handle: 'rapport_me' }]);
    expect(await api.core.call('getBoardCounts', { accountId })).toMatchObject({ ok: true, value: { new: 2, connected: 1 } });
    expect(await screen.findByTestId('column-new')).toBeTruthy();
  });

  /** The archive as the page holds a file the user handed it. */
  async function archiveFile(): Promise<{ file: File; bytes: Buffer }> {
    const archive = scratch.pathOf('twitter-2026-12-01.zip');
    await writeXArchiveZip(archive, { owner: OWNER, generatedAt: '2026-12-01T08:00:00.000Z', followers: ['101', '102', '103'], following: ['103'] });
    const bytes = scratch.read(archive);
    return { file: new File([bytes], 'twitter-2026-12-01.zip', { type: 'application/zip' }), bytes };
  }

  it('imports an archive picked with “Choose the .zip…”, read where the file lies', async () => {
    const { file, bytes } = await archiveFile();
    renderWithApi(api);
    const dialog = await openXDialog();
    fireEvent.change(within(dialog).getByLabelText('Choose your X archive'), { target: { files: [file] } });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    const [params] = api.callsOf('beginSignIn') as { network: string; archivePath: string }[];
    expect(params?.network).toBe('x');
    // Core was given the file's place on disk, which holds exactly the picked bytes.
    expect(params?.archivePath).not.toContain(scratch.dir);
    expect(scratch.read(params?.archivePath ?? '').equals(bytes)).toBe(true);
    const accountId = useAccountsStore.getState().selectedId;
    expect(await api.core.call('getBoardCounts', { accountId })).toMatchObject({ ok: true, value: { new: 2, connected: 1 } });
  });

  it('imports an archive dropped on the form', async () => {
    const { file } = await archiveFile();
    renderWithApi(api);
    const dialog = await openXDialog();
    const form = within(dialog).getByLabelText('Your X archive').closest('form');
    if (!form) throw new Error('no form');
    fireEvent.drop(form, { dataTransfer: { files: [file], types: ['Files'] } });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add account' })).toBeNull());
    expect(useAccountsStore.getState().accounts).toMatchObject([{ network: 'x', handle: 'rapport_me' }]);
  });

  it('says so when the dropped file has no place on this computer, and imports nothing', async () => {
    renderWithApi(api);
    api.pathForFile = async () => null;
    const dialog = await openXDialog();
    fireEvent.change(within(dialog).getByLabelText('Choose your X archive'), { target: { files: [new File(['x'], 'a.zip')] } });
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/could not find that file on this computer/));
    expect(api.callsOf('beginSignIn')).toEqual([]);
  });
});
