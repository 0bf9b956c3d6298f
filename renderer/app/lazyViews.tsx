// Everything the window can show besides the board, loaded apart from the first bundle: the board's
// first paint waits for the script it evaluates (a 560 KB bundle cost ~280 ms of it), and Review,
// the people list, the profile drawer, the command palette and the sign-in forms are not on that screen. preloadViews()
// fetches them once the board is up; a view whose code has arrived renders at once, without
// suspending, and one opened before that shows an empty busy region for the moment it takes.
import { lazy, Suspense, useState } from 'react';
import type { ComponentProps, ComponentType, ReactNode } from 'react';
import type { PeopleListView as PeopleListViewComponent } from '../lists/PeopleListView';
import type { CommandPalette as CommandPaletteComponent } from '../palette/CommandPalette';
import { usePaletteStore } from '../palette/paletteStore';
import type { ReviewView as ReviewViewComponent } from '../review/ReviewView';
import { useAccountsStore } from '../stores/accountsStore';
import { useBoardStore } from '../stores/boardStore';
import { useDrawerStore } from '../stores/drawerStore';

interface LazyView<P extends object> {
  View: ComponentType<P>;
  load(): Promise<void>;
}

function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  const remember = (component: ComponentType<P>) => {
    loaded = component;
    return component;
  };
  const Pending = lazy(() => load().then((component) => ({ default: remember(component) })));
  function View(props: P) {
    // A mounted view keeps the path it started on: moving from the lazy one to `loaded` when the
    // code arrives would remount it and drop its state (the X form's read estimate was lost so).
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={fallback}>
        <Pending {...props} />
      </Suspense>
    );
  }
  return { View, load: () => load().then(remember).then(() => undefined) };
}

/** What a main view shows while its code arrives: the same empty busy region as the stats view. */
const viewFallback = <main className="loading" aria-busy="true" />;

const review = lazyView<ComponentProps<typeof ReviewViewComponent>>(() => import('../review/ReviewView').then((m) => m.ReviewView), viewFallback);
const peopleList = lazyView<ComponentProps<typeof PeopleListViewComponent>>(() => import('../lists/PeopleListView').then((m) => m.PeopleListView), viewFallback);
const welcome = lazyView<object>(() => import('../welcome/Welcome').then((m) => m.Welcome), viewFallback);
const drawer = lazyView<object>(() => import('../dialogs/ProfileDrawer').then((m) => m.ProfileDrawer), null);
const palette = lazyView<ComponentProps<typeof CommandPaletteComponent>>(
  () => import('../palette/CommandPalette').then((m) => m.CommandPalette),
  null,
);
const addAccount = lazyView<object>(() => import('../accounts/AddAccountDialog').then((m) => m.AddAccountDialog), null);

export const ReviewView = review.View;
export const PeopleListView = peopleList.View;
export const Welcome = welcome.View;

/** Mounted only while a profile is open, so a closed drawer costs no code. */
export function ProfileDrawer() {
  const open = useDrawerStore((s) => s.personId !== null);
  return open ? <drawer.View /> : null;
}

export function CommandPalette(props: ComponentProps<typeof CommandPaletteComponent>) {
  const open = usePaletteStore((s) => s.open);
  return open ? <palette.View {...props} /> : null;
}

export function AddAccountDialog() {
  const open = useAccountsStore((s) => s.addingTab !== null);
  return open ? <addAccount.View /> : null;
}

/** Loads the code of every view above. */
export async function loadViews(): Promise<void> {
  await Promise.all([review, peopleList, welcome, drawer, palette, addAccount].map((view) => view.load()));
}

/** Without a board to wait for (first run, another view), preloading starts after this long. */
const PRELOAD_FALLBACK_MS = 3_000;

/**
 * Fetches the other views' code once a board column has its cards and the browser is idle: the
 * wait for core's first answers is idle time too, and evaluating these chunks then would push the
 * first cards back.
 */
export function preloadViews(): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    stopWatching();
    clearTimeout(fallback);
    // A failed preload is not an error yet: the view asks again when it is opened, and says so then.
    const load = () => void loadViews().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2_000 });
    else setTimeout(load, 0);
  };
  const boardShown = (state: ReturnType<typeof useBoardStore.getState>) => Object.values(state.columns).some((column) => column.window.loaded);
  const stopWatching = useBoardStore.subscribe((state) => {
    if (boardShown(state)) start();
  });
  const fallback = setTimeout(start, PRELOAD_FALLBACK_MS);
  if (boardShown(useBoardStore.getState())) start();
}
