// Renders the app (or part of it) in jsdom against a window.rapport (a real core: coreApi.ts), from fresh stores.
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { RapportApi } from '../../shared/api/rapportApi';
import { App } from '../../renderer/app/App';
import { ErrorBoundary } from '../../renderer/app/ErrorBoundary';
import { useAccountsStore } from '../../renderer/stores/accountsStore';
import { resetBoardStore } from '../../renderer/stores/boardSession';
import { useDrawerStore } from '../../renderer/stores/drawerStore';
import { useViewStore } from '../../renderer/stores/viewStore';
import { useSyncStore } from '../../renderer/stores/syncStore';
import { useActionsStore } from '../../renderer/stores/actionsStore';
import { useBudgetStore } from '../../renderer/stores/budgetStore';
import { useTemplatesStore } from '../../renderer/stores/templatesStore';
import { useUnfollowQuestion } from '../../renderer/actions/unfollowQuestion';
import { useToastStore } from '../../renderer/stores/toastStore';
import { usePaletteStore } from '../../renderer/palette/paletteStore';
import { useAnnouncerStore } from '../../renderer/stores/announcerStore';

/** jsdom has no layout: give scroll boxes a size so the virtualiser has a viewport to fill. */
export function stubLayout(viewportHeight = 800, viewportWidth = 300): () => void {
  const proto = HTMLElement.prototype;
  const height = Object.getOwnPropertyDescriptor(proto, 'clientHeight');
  const width = Object.getOwnPropertyDescriptor(proto, 'clientWidth');
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => viewportHeight });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => viewportWidth });
  return () => {
    if (height) Object.defineProperty(proto, 'clientHeight', height);
    if (width) Object.defineProperty(proto, 'clientWidth', width);
  };
}

export function resetStores(): void {
  resetBoardStore();
  useAccountsStore.setState({ accounts: [], loaded: false, selectedId: null, creating: false, addingTab: null });
  useDrawerStore.setState({ accountId: null, personId: null, displayName: '', profile: null, error: null });
  useViewStore.getState().reset();
  useSyncStore.setState({ byAccount: {}, phaseStart: {}, secondsLeft: {} });
  useActionsStore.setState({ byPerson: {}, justChanged: {} });
  useBudgetStore.setState({ byAccount: {} });
  useTemplatesStore.setState({ templates: [], loaded: false });
  useUnfollowQuestion.setState({ question: null });
  useToastStore.setState({ toasts: [] });
  usePaletteStore.setState({ open: false });
  useAnnouncerStore.setState({ message: '', seq: 0 });
}

export function renderWithApi(api: RapportApi, ui: ReactElement = <App />): RenderResult {
  resetStores();
  window.rapport = api;
  return render(<ErrorBoundary>{ui}</ErrorBoundary>);
}
