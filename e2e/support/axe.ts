import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 success criteria at levels A and AA, as axe-core tags its rules. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

interface AxeResults {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    helpUrl: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe-core's WCAG 2.2 A and AA rules on the page as it is now and answers every violation. The engine is
 * evaluated through the DevTools protocol, which the page's Content-Security-Policy (no inline script) does
 * not block, so the page is scanned under its real policy.
 */
export async function scanPage(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_22_AA,
  );
  return (results as AxeResults).violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }));
}

/** The violations that fail a page: serious or critical. */
export const blocking = (violations: Violation[]) =>
  violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');

export function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.targets.map((t) => `      ${t}`).join('\n')}`)
    .join('\n');
}
