// Soak (`npm run test:soak`): a 50,000-follower Bluesky walk killed and resumed.
import { describeBlueskyKillResume } from './blueskyKillResume';

describeBlueskyKillResume({ followers: 50_000, killAfter: 12_000, latencyMs: 3 });
