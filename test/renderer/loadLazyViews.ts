// Renderer test setup: the views the window loads on demand (app/lazyViews.tsx) are loaded before
// each test file, as preloadViews() has them loaded in the app by the time anyone opens one. A test
// that clicks a card then waits for what a user would see, not for the first compile of the
// profile's modules in this worker.
import { loadViews } from '../../renderer/app/lazyViews';

await loadViews();
