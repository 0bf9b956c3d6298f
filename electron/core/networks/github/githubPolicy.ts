// What Rapport lets itself do on GitHub, known without a signed-in provider.
//
// GitHub publishes no follow cap, but its Acceptable Use Policies forbid inauthentic activity and
// it suspends follow-for-follow rings and accounts that mass follow and unfollow; its secondary
// limits also refuse bursts of content-creating requests (at most 80 a minute, 500 an hour).
// People follow back a handful of developers a day from a board, so 50 follows and unfollows a
// day is plenty for deliberate use and far from anything GitHub's abuse detection looks for.
// There are no messages on GitHub.
import type { NetworkActionPolicy } from '../networkActionPolicy';

export const GITHUB_POLICY: NetworkActionPolicy = { canFollow: true, canDm: false, dailyActions: 50 };
