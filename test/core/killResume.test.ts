// Crash safety on every run, small enough to be quick: a 4,000-follower sample sync is killed
// mid-ingest and resumed. The 200,000-follower version is killResume.soak.test.ts.
import { describeSampleKillResume } from './sampleKillResume';

// Eight pages of 500, 250 ms apart: decisions land once the first batch is on the board, the kill
// after five pages, with three to spare before the walk could end on its own.
describeSampleKillResume({ followers: 4_000, pageDelayMs: 250, decideAfter: 1_000, killAfter: 2_500 });
