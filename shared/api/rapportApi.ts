// The shape of window.rapport: one function per contract method, plus event subscription.
// Implemented by the preload (Electron) and by the harness bridge (browser tests).
import type { Envelope } from './errors';
import type { EventMap, EventName } from './events';
import type { MethodInput, MethodName, MethodResult } from './contract';

export type RapportMethods = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodResult<M>>>;
};

/** A file the user dropped on the window or picked in a file dialog (the page's File). */
export type PickedFile = Blob & { readonly name: string };

export interface RapportApi extends RapportMethods {
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /**
   * Where a dropped or picked file lies on this computer, so core reads it in place (an archive of
   * gigabytes never crosses the window); null when it has no place on disk. The app asks
   * Electron's webUtils.getPathForFile in the preload; the browser harness uploads the bytes to
   * itself and answers where it saved them. Not a contract method: no path is ever chosen by the
   * page, it only learns the path of a file the user handed it.
   */
  pathForFile(file: PickedFile): Promise<string | null>;
}
