import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RemoteHtml, RemoteName } from './RemoteHtml';

afterEach(cleanup);

const emojis = [
  { shortcode: 'verified', url: 'media/emoji/ab/ab12.png' },
  { shortcode: 'evil', url: 'javascript:__xss("emoji")' },
];

describe('RemoteHtml', () => {
  it('renders sanitized HTML: paragraphs and safe links stay, scripts and handlers go', () => {
    const { container } = render(
      <RemoteHtml
        html={'<p>Hello <a href="https://example.org/" onclick="__xss(1)">site</a></p><script>__xss(2)</script><p>two :verified:</p>'}
        text="Hello site two"
        emojis={emojis}
      />,
    );
    const root = container.querySelector('.remote-html');
    expect(root?.querySelectorAll('p')).toHaveLength(2);
    const link = root?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.hasAttribute('onclick')).toBe(false);
    expect(root?.querySelector('script')).toBeNull();
    expect(root?.querySelector('img.custom-emoji')?.getAttribute('src')).toBe('media/emoji/ab/ab12.png');
  });

  it('renders the plain-text copy as text when there is no HTML', () => {
    const { container } = render(<RemoteHtml html={null} text={'Hi <img src=x onerror=__xss(1)> <b>b</b>'} />);
    const root = container.querySelector('.remote-html');
    expect(root?.textContent).toBe('Hi <img src=x onerror=__xss(1)> <b>b</b>');
    expect(root?.children).toHaveLength(0);
  });

  it('falls back to the plain text when nothing of the HTML survives', () => {
    const { container } = render(<RemoteHtml html={'<script>__xss(1)</script>'} text="fallback text" />);
    expect(container.textContent).toBe('fallback text');
    expect(container.querySelector('script')).toBeNull();
  });

  it('keeps the caller\'s class name', () => {
    const { container } = render(<RemoteHtml html="<p>x</p>" text="x" className="drawer-field-value" />);
    expect(container.querySelector('.remote-html.drawer-field-value')).not.toBeNull();
  });
});

describe('RemoteName', () => {
  it('shows markup in a name as text and cached emoji as images', () => {
    const { container } = render(<RemoteName name={'Ada :verified: <script>__xss(1)</script> :evil: :unknown:'} emojis={emojis} />);
    const root = container.querySelector('.remote-name');
    expect(root?.querySelector('script')).toBeNull();
    const images = root?.querySelectorAll('img') ?? [];
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('src')).toBe('media/emoji/ab/ab12.png');
    expect(images[0]?.getAttribute('alt')).toBe(':verified:');
    expect(root?.textContent).toBe('Ada  <script>__xss(1)</script> :evil: :unknown:');
  });

  it('is plain text without emoji', () => {
    const { container } = render(<RemoteName name="Grace Hopper" />);
    expect(container.textContent).toBe('Grace Hopper');
    expect(container.querySelector('img')).toBeNull();
  });
});
