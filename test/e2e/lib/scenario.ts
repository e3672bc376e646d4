// Runs the scenario's steps in order and reports each as passed (with what it saw), failed, or
// "skipped: <why>" when its feature has not landed in the tree yet. Never passes silently.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface ScenarioContext {
  page: Page;
  /** The temp workspace folder opened in VS Code. */
  workspace: string;
  /** Text of a workspace file, as the test wrote it. */
  read(fileName: string): string;
  /** Where screenshots go (test-results/e2e). */
  results: string;
  /** Messages of JavaScript dialogs (alert/confirm/prompt) any frame opened: article text must never cause one. */
  dialogs: string[];
}

export interface Step {
  name: string;
  /** null when the feature is in the tree; otherwise why the step is skipped. */
  missing?: () => string | null;
  /** Does the step; returns a one-line account of what it saw; throws when the feature misbehaves. */
  run(ctx: ScenarioContext): Promise<string>;
}

export interface StepResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
  ms: number;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Runs every step (a failure does not stop the later ones), screenshotting after each. */
export async function runScenario(ctx: ScenarioContext, steps: Step[], log: (line: string) => void): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const [i, step] of steps.entries()) {
    const why = step.missing?.() ?? null;
    if (why) {
      results.push({ name: step.name, status: 'skipped', detail: why, ms: 0 });
      log(`  - skipped: ${step.name}: ${why}`);
      continue;
    }
    const t0 = Date.now();
    let result: StepResult;
    try {
      const saw = await step.run(ctx);
      result = { name: step.name, status: 'passed', detail: saw, ms: Date.now() - t0 };
      log(`  ✓ ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)}s): ${saw}`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      result = { name: step.name, status: 'failed', detail: msg, ms: Date.now() - t0 };
      log(`  ✗ ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)}s): ${msg}`);
    }
    const shot = path.join(ctx.results, `${String(i + 1).padStart(2, '0')}-${slug(step.name)}.png`);
    await ctx.page.screenshot({ path: shot }).catch(() => undefined);
    results.push(result);
  }
  return results;
}

/** Writes the results as JSON next to the screenshots, for CI artefacts. */
export function writeResults(dir: string, results: StepResult[], extra: Record<string, unknown>): void {
  fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ ...extra, steps: results }, null, 2) + '\n');
}
