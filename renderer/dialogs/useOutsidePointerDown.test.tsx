import { afterEach, describe, expect, it } from 'vitest';
import { useRef, useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useOutsidePointerDown } from './useOutsidePointerDown';

afterEach(cleanup);

function Popover({ listening }: { listening: boolean }) {
  const root = useRef<HTMLDivElement | null>(null);
  const [outside, setOutside] = useState(0);
  useOutsidePointerDown(root, listening, () => setOutside((n) => n + 1));
  return (
    <>
      <div ref={root}>
        <button type="button">Inside</button>
      </div>
      <button type="button">Elsewhere</button>
      <output data-testid="outside">{outside}</output>
    </>
  );
}

describe('useOutsidePointerDown', () => {
  it('hears a pointer going down outside, not inside', () => {
    render(<Popover listening />);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Inside' }));
    expect(screen.getByTestId('outside').textContent).toBe('0');
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.getByTestId('outside').textContent).toBe('1');
  });

  it('hears nothing while not listening', () => {
    render(<Popover listening={false} />);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.getByTestId('outside').textContent).toBe('0');
  });
});
