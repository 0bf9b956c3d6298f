import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PopupMenu } from './PopupMenu';

afterEach(cleanup);

function Switcher() {
  const [picked, setPicked] = useState('none');
  return (
    <>
      <PopupMenu
        label="Switch account"
        buttonContent="Accounts"
        kind="radio"
        items={[
          { key: 'ada', label: '@ada · Bluesky', checked: true, onSelect: () => setPicked('ada') },
          { key: 'bob', label: '@bob · Mastodon', onSelect: () => setPicked('bob') },
        ]}
        trailingItems={[{ key: 'add', label: 'Add account…', onSelect: () => setPicked('add') }]}
      />
      <output data-testid="picked">{picked}</output>
      <button type="button">Elsewhere</button>
    </>
  );
}

const opener = () => screen.getByRole('button', { name: 'Switch account' });

describe('PopupMenu', () => {
  it('opens on ArrowDown at the first item and on ArrowUp at the last, then moves with wrapping arrows', () => {
    render(<Switcher />);
    fireEvent.keyDown(opener(), { key: 'ArrowDown' });
    expect(opener().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('menuitemradio', { name: '@ada · Bluesky' }));
    const menu = screen.getByRole('menu', { name: 'Switch account' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Add account…' }));
    fireEvent.keyDown(menu, { key: 'Escape' });
    fireEvent.keyDown(opener(), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Add account…' }));
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitemradio', { name: '@ada · Bluesky' }));
  });

  it('marks the chosen account and picks with a click, giving focus back to the button', () => {
    render(<Switcher />);
    fireEvent.click(opener());
    expect(screen.getByRole('menuitemradio', { name: '@ada · Bluesky' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('menuitemradio', { name: '@bob · Mastodon' }).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByRole('menuitemradio', { name: '@bob · Mastodon' }));
    expect(screen.getByTestId('picked').textContent).toBe('bob');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it('closes on Escape with focus back on the button, and on Tab letting focus move on', () => {
    render(<Switcher />);
    fireEvent.click(opener());
    // fireEvent returns false when the default was prevented.
    expect(fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' })).toBe(false);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(opener());
    fireEvent.click(opener());
    expect(fireEvent.keyDown(screen.getByRole('menu'), { key: 'Tab' })).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes when the pointer goes down elsewhere', () => {
    render(<Switcher />);
    fireEvent.click(opener());
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByTestId('picked').textContent).toBe('none');
  });
});
