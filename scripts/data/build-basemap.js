// Compiles the map's offline basemap into dist/data/basemap.json: Natural Earth country borders and land
// (1:50m, public domain) as TopoJSON from the `world-atlas` package, with the country names the map shows.
// Run by esbuild.js before bundling; the map panel reads the file and hands it to its webview (no tiles, no network).
const fs = require('node:fs');
const path = require('node:path');

function build(outDir) {
  let topology;
  try {
    topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  } catch (err) {
    // Without world-atlas the map still works, on a blank background.
    console.warn(`build-basemap: world-atlas not found (${err.message}); the map will have no basemap`);
    return;
  }
  if (!topology || topology.type !== 'Topology' || !topology.objects || !topology.objects.countries) {
    throw new Error('build-basemap: world-atlas/countries-50m.json is not the expected TopoJSON');
  }
  const out = {
    type: 'Topology',
    transform: topology.transform,
    arcs: topology.arcs,
    objects: { countries: topology.objects.countries, land: topology.objects.land },
    attribution: 'Natural Earth (public domain), via world-atlas',
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'basemap.json'), JSON.stringify(out));
}

module.exports = { build };

if (require.main === module) build(path.join(__dirname, '..', '..', 'dist', 'data'));
