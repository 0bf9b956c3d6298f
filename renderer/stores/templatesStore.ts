// The user's message templates (shared by every account), loaded once and kept in step with saves
// and deletions.
import { create } from 'zustand';
import type { MessageTemplate } from '../../shared/triageTypes';
import { call } from '../api/rapportClient';
import { showError } from './toastStore';

interface TemplatesState {
  templates: MessageTemplate[];
  loaded: boolean;
  load(): Promise<void>;
  /** Creates (no id) or updates a template; resolves with it, or null when it failed (shown). */
  save(input: { id?: number; name: string; body: string }): Promise<MessageTemplate | null>;
  remove(templateId: number): Promise<void>;
}

function byName(a: MessageTemplate, b: MessageTemplate): number {
  return a.name.localeCompare(b.name);
}

export const useTemplatesStore = create<TemplatesState>()((set, get) => ({
  templates: [],
  loaded: false,
  load: async () => {
    try {
      const templates = await call('listTemplates', {});
      set({ templates: [...templates].sort(byName), loaded: true });
    } catch (error) {
      showError(error);
    }
  },
  save: async (input) => {
    try {
      const template = await call('saveTemplate', input);
      set((s) => ({ templates: [...s.templates.filter((t) => t.id !== template.id), template].sort(byName) }));
      return template;
    } catch (error) {
      showError(error);
      return null;
    }
  },
  remove: async (templateId) => {
    try {
      await call('deleteTemplate', { templateId });
      set((s) => ({ templates: s.templates.filter((t) => t.id !== templateId) }));
    } catch (error) {
      showError(error);
      void get().load();
    }
  },
}));
