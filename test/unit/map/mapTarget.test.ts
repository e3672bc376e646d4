// "Show map" from every place that runs it (palette, timeline, Places tree item, place hover link): the map it opens.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mapTarget, showOnMapMarkdown } from '../../../client/src/map/mapTarget';
import { expectJsonFile, readFixture } from '../../support/expectFile';

const ACTIVE = 'file:///a/active.txt';

function check(name: string): void {
  const cases = JSON.parse(readFixture('map', `${name}.json`)) as { what: string; arg: unknown }[];
  const out = cases.map((c) => {
    const t = mapTarget(c.arg, ACTIVE);
    return `${c.what} -> ${t ? `${t.scope} ${t.uri ?? '-'} ${t.placeId ?? '-'}` : 'quick pick'}`;
  });
  expectJsonFile(out, 'map', `${name}.expected.json`);
}

test('show map: each command argument opens the right map, junk asks instead', () => check('show-map-arguments'));

/** The hover link per place id: one link, to dateline.showMap only, whose argument decodes back to the same id. */
function checkLinks(name: string): void {
  const ids = JSON.parse(readFixture('map', `${name}.json`)) as string[];
  const out = ids.map((id) => {
    const md = showOnMapMarkdown(id);
    const link = /^\[\$\(globe\) Show on map\]\(command:dateline\.showMap\?([A-Za-z0-9%._-]+) "Select this place on the map"\)$/.exec(md);
    assert.ok(link, `not one plain link: ${md}`);
    const args = JSON.parse(decodeURIComponent(link[1]));
    assert.equal(mapTarget(args[0], ACTIVE)?.placeId, id, 'the link selects the same place');
    return md;
  });
  expectJsonFile(out, 'map', `${name}.expected.json`);
}

test('show map: a place hover link is built from the id alone and cannot break out of its Markdown link', () => checkLinks('show-on-map-links'));
