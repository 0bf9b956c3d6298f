import { beforeEach, describe, expect, it } from 'vitest';
import { handlerCaller, HANDLER_TEST_NOW, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { errorCodeOf } from '../repos/testFixtures';
import { templatesHandlers } from './templatesHandlers';

let { t, ctx } = {} as HandlerTest;
let nowMs = Date.parse(HANDLER_TEST_NOW);
useHandlerTest({ withAccount: false }, (h) => ({ t, ctx } = h));
beforeEach(() => {
  ctx.now = () => nowMs;
});

const call = handlerCaller(templatesHandlers, () => ctx);

describe('message templates', () => {
  it('creates, lists A→Z, updates and deletes, surviving a restart', async () => {
    const thanks = await call('saveTemplate', { name: 'Thanks', body: 'Thanks for the follow, {name}!' });
    const intro = await call('saveTemplate', { name: '  about me ', body: ' Hi {handle}, I write about bees. ' });
    expect(intro).toEqual({ id: intro.id, name: 'about me', body: 'Hi {handle}, I write about bees.', updatedAt: '2026-04-01T08:00:00.000Z' });

    nowMs += 60_000;
    const edited = await call('saveTemplate', { id: thanks.id, name: 'Thanks', body: 'Thank you, {name}.' });
    expect(edited).toEqual({ id: thanks.id, name: 'Thanks', body: 'Thank you, {name}.', updatedAt: '2026-04-01T08:01:00.000Z' });

    t.reopen();
    expect((await call('listTemplates', {})).map((x) => [x.name, x.body])).toEqual([
      ['about me', 'Hi {handle}, I write about bees.'],
      ['Thanks', 'Thank you, {name}.'],
    ]);
    expect(await call('deleteTemplate', { templateId: intro.id })).toEqual({ deleted: true });
    expect((await call('listTemplates', {})).map((x) => x.name)).toEqual(['Thanks']);
  });

  it('refuses a second template with the same name in any case, and stale ids', async () => {
    const thanks = await call('saveTemplate', { name: 'Thanks', body: 'a' });
    expect(await errorCodeOf(call('saveTemplate', { name: 'THANKS', body: 'b' }))).toBe('CONFLICT');
    const other = await call('saveTemplate', { name: 'Other', body: 'c' });
    expect(await errorCodeOf(call('saveTemplate', { id: other.id, name: 'thanks', body: 'c' }))).toBe('CONFLICT');
    // Renaming a template to its own name in another case is fine.
    expect((await call('saveTemplate', { id: thanks.id, name: 'thanks', body: 'a' })).name).toBe('thanks');
    expect(await errorCodeOf(call('saveTemplate', { id: 999, name: 'New', body: 'd' }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(call('deleteTemplate', { templateId: 999 }))).toBe('NOT_FOUND');
    expect((await call('listTemplates', {})).map((x) => x.name)).toEqual(['Other', 'thanks']);
  });
});
