// listTemplates, saveTemplate, deleteTemplate: the user's own message templates (global).
import { RapportError } from '../../../shared/api/errors';
import { templatesRepo } from '../repos/templatesRepo';
import type { HandlerGroup } from './handlerTypes';

export const templatesHandlers: HandlerGroup = {
  listTemplates: (_input, ctx) => templatesRepo(ctx.db).list(),

  saveTemplate: ({ id, name, body }, ctx) =>
    templatesRepo(ctx.db).save({ ...(id !== undefined ? { id } : {}), name, body }, new Date(ctx.now()).toISOString()),

  deleteTemplate: ({ templateId }, ctx) => {
    if (!templatesRepo(ctx.db).delete(templateId)) throw new RapportError('NOT_FOUND', 'That template no longer exists.');
    return { deleted: true };
  },
};
