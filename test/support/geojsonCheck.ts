// Structural checks from RFC 7946 for a FeatureCollection of Points: returns the problems found (empty when valid).

export function geoJsonProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(doc)) return ['not an object'];
  if (doc.type !== 'FeatureCollection') problems.push(`type is ${String(doc.type)}, not FeatureCollection`);
  if (!Array.isArray(doc.features)) return [...problems, 'features is not an array'];
  for (const key of ['geometry', 'properties', 'coordinates']) if (key in doc) problems.push(`FeatureCollection has member "${key}" (§7.1)`);
  doc.features.forEach((f, i) => {
    const at = `features[${i}]`;
    if (!isObj(f)) return problems.push(`${at} is not an object`);
    if (f.type !== 'Feature') problems.push(`${at}.type is ${String(f.type)}`);
    if (!('properties' in f) || !(f.properties === null || isObj(f.properties))) problems.push(`${at}.properties must be an object or null`);
    if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') problems.push(`${at}.id must be a string or number (§3.2)`);
    const g = f.geometry;
    if (!isObj(g)) return problems.push(`${at}.geometry is not an object`);
    if (g.type !== 'Point') problems.push(`${at}.geometry.type is ${String(g.type)}`);
    const c = g.coordinates;
    if (!Array.isArray(c) || c.length < 2 || c.length > 3 || !c.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      return problems.push(`${at}.geometry.coordinates must be 2 or 3 finite numbers`);
    }
    const [lon, lat] = c as number[];
    if (lon < -180 || lon > 180) problems.push(`${at} longitude ${lon} out of range`);
    if (lat < -90 || lat > 90) problems.push(`${at} latitude ${lat} out of range`);
  });
  return problems;
}
