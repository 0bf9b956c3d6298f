import { describeGithubKillResume } from './githubKillResume';

describeGithubKillResume({ followers: 30_000, killAfter: 9_000, latencyMs: 5 });
