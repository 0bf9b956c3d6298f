// Writing one personal message to one person: a template to start from, a phrase of theirs to
// quote, the text always edited here, and one click on "Send message" for this person only. Where
// the network leaves messages to the person on its own page (X), the button opens that page with
// the text filled in instead.
import { useId, useRef, useState } from 'react';
import { Send } from 'lucide-react';
import type { PersonProfile } from '../../shared/domain';
import { useActionsStore } from '../stores/actionsStore';
import { announce } from '../stores/announcerStore';
import { formatGrouped } from '../format/numberFormat';
import { MESSAGE_MAX, fillTemplate, insertQuote, messageLength, snippetsOf } from './composeText';
import { TemplatePicker } from './TemplatePicker';
import { SnippetPicker } from './SnippetPicker';
import { RemoteName } from '../safeHtml/RemoteHtml';
import { customEmojiOf, uiOf } from '../networks/registry';
import { NETWORK_ACTIONS } from '../../shared/networkActions';
import { displayText } from '../safeHtml/remoteDisplayText';

export function Composer({ profile, accountId }: { profile: PersonProfile; accountId: number }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const textareaId = useId();
  const countId = useId();
  const length = messageLength(text);
  const tooLong = length > MESSAGE_MAX;
  const name = profile.displayName || profile.handle;
  const ui = uiOf(profile.network);
  const site = NETWORK_ACTIONS[profile.network].opensOnSite ? (ui.siteName ?? ui.label) : null;

  const quote = (phrase: string) => {
    const el = textarea.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = insertQuote(text, start, end, phrase);
    setText(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const send = async () => {
    if (busy || length === 0 || tooLong) return;
    setBusy(true);
    const queued = await useActionsStore.getState().send(accountId, profile.personId, text);
    setBusy(false);
    if (queued) {
      setText('');
      announce(site ? `Opened your message to ${name} on ${site}: send it there, then mark it done` : `Message to ${name} queued`);
      // The send button is disabled now that the text is empty; keep focus in the composer rather
      // than let it fall to the page (where Escape would no longer close the drawer).
      textarea.current?.focus();
    }
  };

  return (
    <section className="composer" aria-label={`Write to ${name}`}>
      <h3 className="drawer-section-title">
        Write to <RemoteName name={name} emojis={customEmojiOf(profile)} />
      </h3>
      <TemplatePicker text={text} onPick={(body) => setText(fillTemplate(body, profile))} />
      <label htmlFor={textareaId} className="visually-hidden">
        Message to <RemoteName name={name} />
      </label>
      <textarea
        ref={textarea}
        id={textareaId}
        className="input composer-text"
        rows={5}
        dir="auto"
        placeholder={`Something personal for ${displayText(name)}…`}
        aria-describedby={countId}
        aria-invalid={tooLong || undefined}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Keys typed here are text, not board shortcuts; Escape still closes the drawer.
          if (event.key !== 'Escape') event.stopPropagation();
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <div className="composer-row composer-footer">
        <SnippetPicker snippets={snippetsOf(profile)} onPick={quote} />
        <span id={countId} className={tooLong ? 'composer-count is-over' : 'composer-count'} aria-live="polite">
          {tooLong ? `${formatGrouped(length - MESSAGE_MAX)} ${length - MESSAGE_MAX === 1 ? 'character' : 'characters'} too long` : `${formatGrouped(length)} / ${formatGrouped(MESSAGE_MAX)}`}
        </span>
        <button type="button" className="button button-primary" disabled={busy || length === 0 || tooLong} onClick={() => void send()}>
          <Send size={14} aria-hidden="true" />
          {site ? `Write on ${site}` : 'Send message'}
        </button>
      </div>
    </section>
  );
}
