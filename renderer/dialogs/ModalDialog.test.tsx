import { afterEach, describe, expect, it } from 'vitest';
import { useRef, useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ModalDialog } from './ModalDialog';

afterEach(cleanup);

/** A page with an opener button, so closing can hand focus back to it. */
function Page({ role, alsoDismissOn }: { role?: 'dialog' | 'alertdialog'; alsoDismissOn?: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const [heard, setHeard] = useState<string[]>([]);
  const safe = useRef<HTMLButtonElement | null>(null);
  return (
    <div onKeyDown={(event) => setHeard((keys) => [...keys, event.key])}>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <output data-testid="heard">{heard.join(',')}</output>
      {open ? (
        <ModalDialog role={role} title="Remove Ada?" titleDir="auto" description="This cannot be undone." initialFocus={safe} alsoDismissOn={alsoDismissOn} onDismiss={() => setOpen(false)}>
          <button ref={safe} type="button">
            Keep
          </button>
          <button type="button">Remove</button>
        </ModalDialog>
      ) : null}
    </div>
  );
}

function openFrom(): HTMLElement {
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

describe('ModalDialog', () => {
  it('is a modal named by its title and described by its sentence, with focus on the given element', () => {
    render(<Page role="alertdialog" />);
    openFrom();
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Ada?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBe(screen.getByText('This cannot be undone.').id);
    expect(screen.getByRole('heading', { name: 'Remove Ada?' }).getAttribute('dir')).toBe('auto');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep' }));
  });

  it('is a plain dialog unless told otherwise', () => {
    render(<Page />);
    openFrom();
    expect(screen.getByRole('dialog', { name: 'Remove Ada?' })).toBeTruthy();
  });

  it('closes on Escape without letting it reach the page, and gives focus back to the opener', () => {
    render(<Page />);
    const opener = openFrom();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Keep' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('heard').textContent).toBe('');
    expect(document.activeElement).toBe(opener);
  });

  it('closes on a click beside the panel', () => {
    render(<Page />);
    openFrom();
    const scrim = document.querySelector('.dialog-scrim');
    if (!scrim) throw new Error('no scrim');
    fireEvent.click(scrim);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on an extra key, claiming it, and lets other keys through', () => {
    render(<Page alsoDismissOn={['?']} />);
    openFrom();
    const keep = screen.getByRole('button', { name: 'Keep' });
    expect(fireEvent.keyDown(keep, { key: 'x' })).toBe(true);
    expect(screen.getByTestId('heard').textContent).toBe('x');
    // fireEvent returns false when the event's default was prevented.
    expect(fireEvent.keyDown(keep, { key: '?' })).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('heard').textContent).toBe('x');
  });

  it('keeps Tab inside the panel', () => {
    render(<Page />);
    openFrom();
    const keep = screen.getByRole('button', { name: 'Keep' });
    const remove = screen.getByRole('button', { name: 'Remove' });
    remove.focus();
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(document, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(remove);
  });
});
