// Renderer test setup: findBy*/waitFor wait up to 5 s instead of testing-library's 1 s. Renderer
// tests run on the real core in two workers on a 2-core machine, so an answer that takes 50 ms
// alone can take over a second while the other worker is busy; what they wait for still has to
// happen, only a slow machine no longer fails them.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5_000 });
