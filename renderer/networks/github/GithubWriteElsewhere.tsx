// GitHub has no messages. Instead of a composer that cannot send, this writes the text to the
// clipboard and opens where the person can be reached: their public email (mailto:) when they show
// one, else their GitHub profile. Nothing is sent by Rapport, so nothing enters the outbox. The
// mailto: names the bare address only: main opens no link that pre-fills a message (mailtoPolicy.ts),
// so the text travels by the clipboard.
import { useId, useState } from 'react';
import type { PersonProfile } from '../../../shared/domain';
import { publicEmailOf } from './githubProfileDetails';

/** Puts text on the clipboard; the textarea fallback covers windows where the async API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = typeof document.execCommand === 'function' && document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** Where "Copy and open" leads: a mailto: to their public address, or the profile page. */
export function writeElsewhereTarget(profile: PersonProfile): { href: string; kind: 'email' | 'profile' } | null {
  const email = publicEmailOf(profile);
  if (email) return { href: `mailto:${email}`, kind: 'email' };
  return profile.profileUrl ? { href: profile.profileUrl, kind: 'profile' } : null;
}

export function GithubWriteElsewhere({ profile }: { profile: PersonProfile }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const id = useId();
  const target = writeElsewhereTarget(profile);
  if (!target) return null;
  const go = async () => {
    const copied = text.trim() === '' ? false : await copyText(text);
    window.open(target.href, '_blank', 'noopener,noreferrer');
    const where = target.kind === 'email' ? 'your email app' : 'their GitHub profile';
    setStatus(copied ? `Copied your text and opened ${where}.` : `Opened ${where}.`);
  };
  return (
    <section className="github-write-elsewhere" aria-labelledby={id} data-testid="github-write-elsewhere">
      <h3 id={id} className="field-label">
        {target.kind === 'email' ? 'Write an email' : 'Write to them on GitHub'}
      </h3>
      <textarea
        className="input"
        rows={3}
        value={text}
        placeholder="A personal note…"
        aria-label="Your text"
        onChange={(event) => setText(event.target.value)}
      />
      <div className="dialog-actions">
        <span className="form-status" role="status">
          {status}
        </span>
        <button type="button" className="button" onClick={() => void go()}>
          {target.kind === 'email' ? 'Copy and open email' : 'Copy and open profile'}
        </button>
      </div>
    </section>
  );
}
