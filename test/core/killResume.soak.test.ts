// Soak (`npm run test:soak`): the crash-safety scenario at 200,000 followers, the size the app
// promises to survive. killResume.test.ts runs the same scenario small on every `npm test`.
import { describeSampleKillResume } from './sampleKillResume';

// A small page delay keeps the walk long enough to be caught in the middle; it changes no data.
describeSampleKillResume({ followers: 200_000, pageDelayMs: 5, decideAfter: 15_000, killAfter: 40_000 });
