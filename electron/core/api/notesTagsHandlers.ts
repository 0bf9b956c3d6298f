// setNote, setTags, listTags: my own words about people. Notes are searchable (people_fts indexes
// them); tags filter the people lists. Both are private and never leave the machine, except a
// note on an account whose network mirrors notes (its module reacts to noteSaved).
import { accountsRepo } from '../repos/accountsRepo';
import { requireKnownPerson } from '../repos/knownPerson';
import { notesRepo } from '../repos/notesRepo';
import { tagsRepo } from '../repos/tagsRepo';
import type { HandlerGroup } from './handlerTypes';

export const notesTagsHandlers: HandlerGroup = {
  setNote: ({ accountId, personId, text }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    requireKnownPerson(ctx.db, accountId, personId);
    const before = notesRepo(ctx.db).get(accountId, personId);
    const saved = notesRepo(ctx.db).set(accountId, personId, text, new Date(ctx.now()).toISOString());
    // Search results and drawers show notes; nothing else changed when the text did not.
    if (saved.note !== before.note) ctx.emit('people.changed', { accountId, personIds: [personId] });
    ctx.bus.emit('noteSaved', { accountId, personId });
    return saved;
  },

  setTags: ({ accountId, personId, tags }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    requireKnownPerson(ctx.db, accountId, personId);
    const before = tagsRepo(ctx.db).of(accountId, personId);
    const stored = tagsRepo(ctx.db).set(accountId, personId, tags, new Date(ctx.now()).toISOString());
    if (stored.join('\n') !== before.join('\n')) ctx.emit('people.changed', { accountId, personIds: [personId] });
    return stored;
  },

  listTags: ({ accountId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    return tagsRepo(ctx.db).list(accountId);
  },
};
