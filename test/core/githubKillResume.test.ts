// A GitHub walk killed and resumed on every run, at a size that is quick: 3,000 followers in 30
// GraphQL pages. The 30,000-follower version is githubKillResume.soak.test.ts.
import { describeGithubKillResume } from './githubKillResume';

describeGithubKillResume({ followers: 3_000, killAfter: 700, latencyMs: 15 });
