// "Show map" from every place that runs it (palette, timeline, Places tree item, place hover link): the map it opens.
import { test } from 'node:test';
import { mapTarget } from '../../../client/src/map/mapTarget';
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
