// Soak (`npm run test:soak`): a 20,000-follower Mastodon walk killed and resumed.
import { describeMastodonKillResume } from './mastodonKillResume';

describeMastodonKillResume({ followers: 20_000, killAfter: 6_000, latencyMs: 8 });
