import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useMenuKeyboard } from './useMenuKeyboard';

afterEach(cleanup);

const FRUIT = ['Apple', 'Banana', 'Cherry', 'Blueberry'];

function Menu({ open = true, typeahead = false }: { open?: boolean; typeahead?: boolean }) {
  const { active, setActive, itemRef, moveByKey } = useMenuKeyboard(FRUIT.length, { open, labels: typeahead ? FRUIT : undefined });
  return (
    <div
      role="menu"
      aria-label="Fruit"
      onKeyDown={(event) => {
        if (moveByKey(event.key)) event.preventDefault();
      }}
    >
      {FRUIT.map((name, index) => (
        <button key={name} ref={itemRef(index)} type="button" role="menuitem" tabIndex={index === active ? 0 : -1} onMouseEnter={() => setActive(index)}>
          {name}
        </button>
      ))}
    </div>
  );
}

const item = (name: string) => screen.getByRole('menuitem', { name });
const press = (key: string) => fireEvent.keyDown(screen.getByRole('menu'), { key });

describe('useMenuKeyboard', () => {
  it('focuses the first item and moves with wrapping arrows, Home and End', () => {
    render(<Menu />);
    expect(document.activeElement).toBe(item('Apple'));
    press('ArrowUp');
    expect(document.activeElement).toBe(item('Blueberry'));
    press('ArrowDown');
    expect(document.activeElement).toBe(item('Apple'));
    press('End');
    expect(document.activeElement).toBe(item('Blueberry'));
    press('Home');
    expect(document.activeElement).toBe(item('Apple'));
    expect(item('Apple').tabIndex).toBe(0);
    expect(item('Banana').tabIndex).toBe(-1);
  });

  it('jumps to the first item starting with a typed letter when it knows the names', () => {
    render(<Menu typeahead />);
    expect(press('c')).toBe(false);
    expect(document.activeElement).toBe(item('Cherry'));
    press('B');
    expect(document.activeElement).toBe(item('Banana'));
    // A letter no item starts with is not the menu's key.
    expect(press('z')).toBe(true);
    expect(document.activeElement).toBe(item('Banana'));
  });

  it('leaves letters alone without names', () => {
    render(<Menu />);
    expect(press('c')).toBe(true);
    expect(document.activeElement).toBe(item('Apple'));
  });

  it('moves no focus while the menu is closed', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    render(<Menu open={false} />);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
