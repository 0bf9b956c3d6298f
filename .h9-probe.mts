import { startHarnessFixture } from './test/e2e/harnessFixture';
import { launchChromium } from './test/e2e/browser';
import { waitForPageCondition } from './test/e2e/boardPage';

const fixture = await startHarnessFixture();
try {
  const account = await fixture.call('addSampleAccount', { followers: 100_000, following: 200, seed: 42 });
  await fixture.waitForSyncDone(account.id, 600_000);
  const t = async (label: string, f: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) { const s = performance.now(); await f(); times.push(performance.now() - s); }
    console.log('node', label, times.map((x) => x.toFixed(1)).join(' '));
  };
  await t('counts', () => fixture.harness.core.call('getBoardCounts', { accountId: account.id }));
  await t('page100', () => fixture.harness.core.call('getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 100 }));
  await t('listAccounts', () => fixture.harness.core.call('listAccounts', {}));
  await t('syncStatus', () => fixture.harness.core.call('getSyncStatus', { accountId: account.id }));
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(fixture.harness.appUrl);
  await waitForPageCondition(page, 'typeof window.rapport === "object"');
  await page.waitForTimeout(1500);
  const res = await page.evaluate(`(async () => {
    const out = {};
    for (const [label, m, input] of [['listAccounts','listAccounts',{}],['counts','getBoardCounts',{accountId:${account.id}}],['page100','getBoardPage',{accountId:${account.id},stage:'new',sort:'newest',limit:100}],['syncStatus','getSyncStatus',{accountId:${account.id}}]]) {
      const ts = [];
      for (let i = 0; i < 10; i++) { const s = performance.now(); await window.rapport[m](input); ts.push((performance.now()-s).toFixed(1)); }
      out[label] = ts.join(' ');
    }
    const par = performance.now();
    await Promise.all([0,1,2,3,4].map(() => window.rapport.getBoardPage({accountId:${account.id},stage:'new',sort:'newest',limit:100})));
    out.parallel5 = (performance.now()-par).toFixed(1);
    return out;
  })()`);
  console.log('page', res);
  const entries = await page.evaluate(`JSON.stringify(performance.getEntriesByType('resource').filter(e => e.name.includes('/rpc/')).slice(-6).map(e => ({n: e.name.split('/rpc/')[1], start: e.startTime|0, dur: e.duration.toFixed(1), req: (e.responseStart - e.requestStart).toFixed(1), connect: (e.connectEnd-e.connectStart).toFixed(1)})))`);
  console.log(entries);
  await browser.close();
} finally {
  await fixture.stop();
}
