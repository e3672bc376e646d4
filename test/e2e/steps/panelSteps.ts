// Steps on the workbench's panels: the Dateline side panel (issue 6) and Problems with conflicts (issue 5/6).
import type { Page } from 'playwright-core';
import { Step } from '../lib/scenario';
import { waitFor } from '../lib/poll';
import { activityBarContainer, exists, filesMatching, viewNames } from '../lib/tree';
import { runCommand } from '../lib/workbench';

interface Row {
  label: string;
  description: string;
}

interface Pane {
  title: string;
  rows: Row[];
}

/** Each pane of the primary side bar: its header title and the rows it renders (lists render only what is in view). */
async function sideBarPanes(page: Page): Promise<Pane[]> {
  return page.locator('#workbench\\.parts\\.sidebar .pane').evaluateAll((panes) =>
    panes.map((p) => ({
      title: ((p.querySelector('.pane-header .title') as HTMLElement | null)?.innerText ?? '').trim(),
      // No named helpers in here: this runs in the page, where the test runner's helpers (__name) do not exist.
      rows: Array.from(p.querySelectorAll('.monaco-list-row')).map((r) => ({
        label: ((r.querySelector('.label-name') as HTMLElement | null)?.innerText || (r as HTMLElement).innerText || '').replace(/\s+/g, ' ').trim(),
        description: ((r.querySelector('.label-description') as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim(),
      })),
    })),
  );
}

function show(rows: Row[], n: number): string {
  return rows.length ? rows.slice(0, n).map((r) => `"${r.label}${r.description ? ` — ${r.description}` : ''}"`).join(', ') : '(collapsed or empty)';
}

export const datelineView: Step = {
  name: 'Dateline view lists the sample articles\u2019 entities',
  missing: () => (activityBarContainer('dateline') ? null : 'package.json contributes no activity-bar container "dateline" yet (issue 6)'),
  async run({ page }) {
    const container = activityBarContainer('dateline')!;
    const expected = viewNames('dateline');
    await page.locator(`.activitybar .action-item a[aria-label^="${container.title}"], .activitybar .action-item[aria-label^="${container.title}"]`).first().click({ timeout: 15_000 });
    const panes = await waitFor(`the Dateline view\u2019s panes ${expected.join(', ')} with rows under Places`, async () => {
      const ps = await sideBarPanes(page);
      const titles = ps.map((p) => p.title.toLowerCase());
      if (!expected.every((n) => titles.includes(n.toLowerCase()))) return null;
      return ps.find((p) => /^places$/i.test(p.title))?.rows.length ? ps : null;
    }, { timeout: 45_000 });
    // Places is grouped country → province → town: the samples are about Syria, so a "Syria" group must exist.
    // The list renders only the rows in view, so scroll the Places pane until it shows up.
    const placesList = page.locator('#workbench\\.parts\\.sidebar .pane', { has: page.locator('.pane-header .title', { hasText: /^Places$/ }) }).locator('.monaco-list').first();
    const syria = await waitFor('a "Syria" country group in the Places view', async () => {
      const places = (await sideBarPanes(page)).find((p) => /^places$/i.test(p.title));
      const hit = places?.rows.find((r) => /^Syria(\s*\(\d+\))?$/.test(r.label));
      if (hit) return hit;
      await placesList.hover();
      await page.mouse.wheel(0, 120);
      return null;
    }, { timeout: 20_000, interval: 250 });
    return `Syria group: "${syria.label} — ${syria.description}"; ` + panes.map((p) => `${p.title}: ${show(p.rows, 4)}`).join(' | ');
  },
};

/** Where conflict diagnostics would be published from; absent means the feature has not landed. */
function conflictDiagnosticsSource(): string | null {
  return filesMatching('server/src/lsp', /conflict/i)[0] ?? null;
}

export const problemsConflicts: Step = {
  name: 'Problems shows conflicting claims',
  missing: () => (conflictDiagnosticsSource() ? null : 'no conflict diagnostics in server/src/lsp yet (issue 5)'),
  async run({ page }) {
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const rows = await waitFor('a dateline.conflict.* diagnostic in Problems', async () => {
      const all = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
        els.map((e) => ((e as HTMLElement).innerText || e.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim()),
      );
      return all.some((r) => /dateline\.conflict\.\w+/.test(r)) ? all : null;
    }, { timeout: 60_000, interval: 500 });
    const conflicts = rows.filter((r) => /dateline\.conflict\./.test(r));
    return `${conflicts.length} conflict diagnostic(s) of ${rows.length} rows: ${conflicts.slice(0, 5).map((r) => `"${r}"`).join('; ')}`;
  },
};

/** The status bar item: articles indexed and open conflicts; a click opens the Conflicts view. */
export const statusBar: Step = {
  name: 'status bar counts articles and conflicts',
  missing: () => (exists('client/src/statusBar.ts') ? null : 'no status bar item in client/src yet (issue 6)'),
  async run({ page }) {
    // Three articles in the workspace: the two samples and the hostile fixture (notes.txt is not one).
    const item = page.locator('.statusbar-item', { hasText: /\barticles?\b/ }).first();
    const text = await waitFor('a status bar item with "3 articles" and open conflicts', async () => {
      const t = ((await item.innerText().catch(() => '')) || '').replace(/\s+/g, ' ').trim();
      return /\b3 articles\b/.test(t) && /\b\d+ conflicts?\b/.test(t) ? t : null;
    }, { timeout: 30_000 });
    await item.click();
    const panes = await waitFor('the Conflicts view to open from the status bar', async () => {
      const ps = await sideBarPanes(page);
      const conflicts = ps.find((p) => /^conflicts$/i.test(p.title));
      return conflicts && conflicts.rows.length ? conflicts : null;
    }, { timeout: 15_000 });
    return `status bar "${text}"; click → Conflicts view: ${show(panes.rows, 4)}`;
  },
};
