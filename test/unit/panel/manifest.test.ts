// The side panel's package.json contributions agree with the client code: views, welcome text, commands, menus.
// (What a real editor shows is checked by the e2e suite; this catches a renamed id before anyone opens VS Code.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const VIEWS = ['places', 'factions', 'dates', 'claims', 'conflicts'];

/** The panel's client code: the views, the status bar and the panel commands. */
function panelSources(): string {
  const files = [path.join(ROOT, 'client', 'src', 'statusBar.ts'), path.join(ROOT, 'client', 'src', 'commands', 'panelCommands.ts')];
  return [clientSources(path.join(ROOT, 'client', 'src', 'views')), ...files.map((f) => fs.readFileSync(f, 'utf8'))].join('\n');
}

function clientSources(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? clientSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? fs.readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

test('panel manifest: a "Dateline" activity-bar container with its icon and the five views', () => {
  const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'dateline');
  assert.equal(container.title, 'Dateline');
  assert.ok(fs.existsSync(path.join(ROOT, container.icon)), `${container.icon} missing`);
  assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!media\/\*\.svg$/m, 'the icon must be packaged');
  assert.deepEqual(
    contributes.views.dateline.filter((v: { id: string }) => VIEWS.includes(v.id.split('.')[1])).map((v: { id: string; name: string }) => `${v.id}=${v.name}`),
    ['dateline.places=Places', 'dateline.factions=Factions', 'dateline.dates=Dates', 'dateline.claims=Claims', 'dateline.conflicts=Conflicts'],
  );
});

test('panel manifest: every view explains itself when empty, in both scopes, and has its scope toggle', () => {
  const titleMenu = contributes.menus['view/title'];
  for (const v of VIEWS) {
    const welcome = contributes.viewsWelcome.filter((w: { view: string }) => w.view === `dateline.${v}`);
    assert.equal(welcome.length, 2, `${v}: welcome for article and workspace scope`);
    for (const w of welcome) assert.match(w.contents, /\[.+\]\(command:dateline\.[\w.]+/, `${v}: the welcome offers an action`);
    for (const s of ['showWorkspace', 'showArticle']) {
      assert.ok(titleMenu.some((m: { command: string; when: string }) => m.command === `dateline.${v}.${s}` && m.when.includes(`view == dateline.${v}`)), `${v}.${s} in the title bar`);
    }
  }
});

test('panel manifest: commands the client registers are declared (category Dateline), and menus name declared commands', () => {
  const declared = new Map<string, { category?: string }>(contributes.commands.map((c: { command: string }) => [c.command, c]));
  const src = panelSources();
  const registered = [...src.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);
  assert.ok(registered.includes('dateline.findAllMentions') && registered.includes('dateline.copyCitation'), 'the panel commands are registered');
  // The scope toggles are registered per view from `${viewId}.showArticle|showWorkspace`.
  assert.match(src, /`\$\{provider\.viewId\}\.show\$\{scope === 'article' \? 'Article' : 'Workspace'\}`/);
  const expected = [...registered, ...VIEWS.flatMap((v) => [`dateline.${v}.showArticle`, `dateline.${v}.showWorkspace`])];
  for (const id of expected) {
    assert.ok(declared.has(id), `${id} is registered but not declared in package.json`);
    assert.equal(declared.get(id)!.category, 'Dateline', `${id}: category`);
  }
  for (const [menu, entries] of Object.entries(contributes.menus as Record<string, { command: string }[]>)) {
    for (const e of entries) if (e.command.startsWith('dateline.')) assert.ok(declared.has(e.command), `${menu} names undeclared ${e.command}`);
  }
});

test('panel manifest: context menus by item kind', () => {
  const item = contributes.menus['view/item/context'] as { command: string; when: string }[];
  const whenFor = (command: string) => item.filter((m) => m.command === command).map((m) => m.when);
  const matches = (command: string, viewItem: string, view = 'dateline.places') =>
    whenFor(command).some((w) => {
      // Evaluate the two clause shapes used: `viewItem =~ /re/` and `viewItem == value`, with the view test.
      const re = /viewItem =~ \/(.+)\/(?:\s|$)/.exec(w);
      const eq = /viewItem == ([\w.]+)/.exec(w);
      const viewOk = w.includes(`view == ${view}`) || (w.includes('view =~ /^dateline\\./') && view.startsWith('dateline.'));
      return viewOk && (re ? new RegExp(re[1]).test(viewItem) : eq ? eq[1] === viewItem : false);
    });
  // Item context values are `${role}.${entity kind}` (entityTreeProvider) or conflict.* (conflictsView).
  assert.ok(matches('dateline.findAllMentions', 'entity.place'));
  assert.ok(matches('dateline.findAllMentions', 'mention.faction'));
  assert.ok(!matches('dateline.findAllMentions', 'group.none'));
  assert.ok(matches('dateline.copyCitation', 'mention.place'));
  assert.ok(matches('dateline.copyCitation', 'claim.claim', 'dateline.claims'));
  assert.ok(matches('dateline.copyCitation', 'claim.conflict', 'dateline.conflicts'));
  assert.ok(matches('dateline.addAlias', 'entity.place'));
  assert.ok(matches('dateline.addAlias', 'mention.place'));
  // Spellings of places go to .dateline/places.json; factions have their own "Add as faction…" code action.
  assert.ok(!matches('dateline.addAlias', 'entity.faction', 'dateline.factions'));
  assert.ok(!matches('dateline.addAlias', 'entity.date', 'dateline.dates'));
  // "Show map" on a place or one of its mentions selects it on the map (the command reads the EntityNode).
  assert.ok(matches('dateline.showMap', 'entity.place'));
  assert.ok(matches('dateline.showMap', 'mention.place'));
  assert.ok(!matches('dateline.showMap', 'group.none'));
  assert.ok(!matches('dateline.showMap', 'entity.faction', 'dateline.factions'));
  assert.ok(!matches('dateline.showMap', 'mention.date', 'dateline.dates'));
  assert.ok(matches('dateline.markReviewed', 'conflict.open', 'dateline.conflicts'));
  assert.ok(!matches('dateline.markReviewed', 'conflict.reviewed', 'dateline.conflicts'));
  assert.ok(matches('dateline.markNotReviewed', 'conflict.reviewed', 'dateline.conflicts'));
});
