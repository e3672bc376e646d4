// Steps on the workbench's panels: the Dateline side panel (issue 6) and Problems with conflicts (issue 5/6).
import type { Page } from 'playwright-core';
import { Step } from '../lib/scenario';
import { waitFor } from '../lib/poll';
import { activityBarContainer, filesMatching, viewNames } from '../lib/tree';
import { runCommand } from '../lib/workbench';

interface Pane {
  title: string;
  rows: string[];
}

/** Each pane of the primary side bar: its header title and the rows it shows. */
async function sideBarPanes(page: Page): Promise<Pane[]> {
  return page.locator('#workbench\\.parts\\.sidebar .pane').evaluateAll((panes) =>
    panes.map((p) => ({
      title: ((p.querySelector('.pane-header .title') as HTMLElement | null)?.innerText ?? '').trim(),
      rows: Array.from(p.querySelectorAll('.monaco-list-row')).map((r) => ((r as HTMLElement).innerText || r.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim()),
    })),
  );
}

export const datelineView: Step = {
  name: 'Dateline view lists the sample articles\u2019 entities',
  missing: () => (activityBarContainer('dateline') ? null : 'package.json contributes no activity-bar container "dateline" yet (issue 6)'),
  async run({ page }) {
    const container = activityBarContainer('dateline')!;
    const expected = viewNames('dateline');
    await page.locator(`.activitybar .action-item a[aria-label^="${container.title}"], .activitybar .action-item[aria-label^="${container.title}"]`).first().click({ timeout: 15_000 });
    // Places is grouped by country: the samples are about Syria, so a "Syria" row must show up.
    const panes = await waitFor('the Dateline view\u2019s panes, with a "Syria" row under Places', async () => {
      const ps = await sideBarPanes(page);
      const titles = ps.map((p) => p.title.toLowerCase());
      if (!expected.every((n) => titles.includes(n.toLowerCase()))) return null;
      const places = ps.find((p) => /^places$/i.test(p.title));
      return places && places.rows.some((r) => /Syria/.test(r)) ? ps : null;
    }, { timeout: 45_000 });
    return panes.map((p) => `${p.title}: ${p.rows.length ? p.rows.slice(0, 6).map((r) => `"${r}"`).join(', ') : '(collapsed or empty)'}`).join(' | ');
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
