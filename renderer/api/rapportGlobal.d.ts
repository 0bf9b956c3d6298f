// window.rapport is provided by the preload (Electron) or the harness bridge (browser).
// Only api/rapportClient.ts reads it.
import type { RapportApi } from '../../shared/api/rapportApi';

declare global {
  interface Window {
    rapport?: RapportApi;
  }
}

export {};
