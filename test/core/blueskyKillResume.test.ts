// A Bluesky walk killed and resumed on every run, at a size that is quick: 3,000 followers in 30
// pages. The 50,000-follower version is blueskyKillResume.soak.test.ts.
import { describeBlueskyKillResume } from './blueskyKillResume';

describeBlueskyKillResume({ followers: 3_000, killAfter: 700, latencyMs: 15 });
