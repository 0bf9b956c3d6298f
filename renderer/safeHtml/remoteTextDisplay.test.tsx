// The shared components every piece of remote text goes through show it without direction
// controls, without zalgo stacks and in a direction-isolated element; remote links say where
// they really go.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RemoteHtml, RemoteName, RemoteText } from './RemoteHtml';

afterEach(cleanup);

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const ZALGO = Array.from('Zalgo', (c) => c + '\u0301\u0310\u0352\u0357\u035B\u0363'.repeat(3)).join('');

function textNodesOf(root: Element): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push((node as Text).data);
  return out;
}

describe('remote text on screen', () => {
  it('RemoteName shows an override name as written, isolated, with its emoji', () => {
    const { container } = render(<RemoteName name={'\u202Egnp.exe\u202C safe.txt :verified:'} emojis={[{ shortcode: 'verified', url: 'media/emoji/ab/ab12.png' }]} />);
    const name = container.querySelector('.remote-name');
    expect(name?.getAttribute('dir')).toBe('auto');
    expect(name?.textContent).toBe('gnp.exe safe.txt ');
    expect(name?.querySelector('img.custom-emoji')).not.toBeNull();
  });

  it('RemoteName and RemoteText keep at most three marks per letter', () => {
    const { container } = render(
      <>
        <RemoteName name={ZALGO} />
        <RemoteText text={ZALGO} />
      </>,
    );
    for (const el of container.querySelectorAll('.remote-name, .remote-plain')) {
      expect(el.textContent).not.toMatch(/\p{M}{4}/u);
      expect(el.textContent?.replace(/\p{M}/gu, '')).toBe('Zalgo');
    }
  });

  it('RemoteText isolates a plain string and drops its direction controls', () => {
    const { container } = render(<RemoteText text={'@\u2067evil\u2069.example'} className="card-handle" />);
    const el = container.querySelector('.remote-plain.card-handle');
    expect(el?.getAttribute('dir')).toBe('auto');
    expect(el?.textContent).toBe('@evil.example');
  });

  it('RemoteHtml drops direction controls from every text node of a bio, and from its plain copy', () => {
    const { container } = render(
      <>
        <RemoteHtml html={'<p>\u202Egnp.exe\u202C safe.txt <span>\u2067in a span</span></p><p>\u202Bsecond\u202A</p>'} text="" />
        <RemoteHtml html={null} text={'\u202Etxt.exe\u202C'} />
      </>,
    );
    const blocks = container.querySelectorAll('.remote-html');
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block.getAttribute('dir')).toBe('auto');
      for (const text of textNodesOf(block)) expect(text).not.toMatch(DIRECTION_CONTROLS);
    }
    expect(blocks[0]?.textContent).toBe('gnp.exe safe.txt in a spansecond');
    expect(blocks[1]?.textContent).toBe('txt.exe');
  });

  it('RemoteHtml shows the real host beside link text naming another one', () => {
    const { container } = render(
      <RemoteHtml
        html={'<p><a href="https://evil.example/login">https://paypal.com/login</a> <a href="https://evil.example/">paypal.com</a> <a href="https://example.com/a/b"><span class="invisible">https://</span><span class="ellipsis">example.com/a</span><span class="invisible">/b</span></a> <a href="https://m.example/@bob">@bob</a></p>'}
        text=""
      />,
    );
    const links = Array.from(container.querySelectorAll('a'), (a) => a.textContent);
    expect(links).toEqual(['https://paypal.com/login (evil.example)', 'paypal.com (evil.example)', 'https://example.com/a/b', '@bob']);
  });
});
