// Runs axe-core inside the page (injected from node_modules, no network) and returns the serious
// and critical violations, each with the first few offending selectors, so a failing spec says
// what to fix.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) {
    // Evaluated, not added as a <script>: the page's CSP (script-src 'self') refuses inline scripts.
    await page.evaluate(AXE_SOURCE);
  }
  // A string expression: this file is type-checked without DOM types (see boardPage.ts).
  const findings = (await page.evaluate(`(async () => {
    // Colours are judged as they settle: a dialog fading in (120 ms) would measure its text at
    // part of its opacity, a contrast failure no user sees.
    await Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)));
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)),
      }));
  })()`)) as AxeFinding[];
  return findings;
}
