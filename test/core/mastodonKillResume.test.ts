// A Mastodon walk killed and resumed on every run, at a size that is quick: 3,000 followers in 38
// pages. The 20,000-follower version is mastodonKillResume.soak.test.ts.
import { describeMastodonKillResume } from './mastodonKillResume';

describeMastodonKillResume({ followers: 3_000, killAfter: 800, latencyMs: 15 });
