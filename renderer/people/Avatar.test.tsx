import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Avatar, LIST_AVATAR_DELAY_MS } from './Avatar';

const URL_OF_PICTURE = 'app-media://avatars/ada.png';

function picture(container: HTMLElement): HTMLImageElement {
  const img = container.querySelector('img');
  if (!img) throw new Error('no <img> rendered');
  return img;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Avatar', () => {
  it('requests the picture at once outside lists', () => {
    const { container } = render(<Avatar avatarUrl={URL_OF_PICTURE} displayName="Ada" handle="ada" size={40} />);
    expect(picture(container).getAttribute('src')).toBe(URL_OF_PICTURE);
  });

  it('in a list, requests the picture only once the row has stayed mounted', () => {
    const { container } = render(<Avatar avatarUrl={URL_OF_PICTURE} displayName="Ada" handle="ada" size={40} deferred />);
    // Its place is there (sized, as while a picture loads) but nothing has been asked for yet.
    expect(picture(container).hasAttribute('src')).toBe(false);
    expect(picture(container).getAttribute('width')).toBe('40');
    act(() => vi.advanceTimersByTime(LIST_AVATAR_DELAY_MS - 1));
    expect(picture(container).hasAttribute('src')).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(picture(container).getAttribute('src')).toBe(URL_OF_PICTURE);
  });

  it('never requests the picture of a row a fast scroll took away again', () => {
    const { container, unmount } = render(<Avatar avatarUrl={URL_OF_PICTURE} displayName="Ada" handle="ada" size={40} deferred />);
    const img = picture(container);
    const sources: (string | null)[] = [];
    new MutationObserver(() => sources.push(img.getAttribute('src'))).observe(img, { attributes: true });
    act(() => vi.advanceTimersByTime(LIST_AVATAR_DELAY_MS / 2));
    unmount();
    act(() => vi.advanceTimersByTime(LIST_AVATAR_DELAY_MS * 4));
    expect(img.hasAttribute('src')).toBe(false);
    expect(sources).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows initials when there is no picture, deferred or not', () => {
    const { container } = render(<Avatar avatarUrl={null} displayName="Ada Lovelace" handle="ada" size={40} deferred />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('AL');
  });
});
