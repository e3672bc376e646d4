// The basemap must be readable in every built-in theme: for each theme's default colours (fixtures/map/themes.json),
// the rules of media/map.css are applied as the webview would (base rules, then body.<theme class> rules), colours
// with opacity are blended over what lies beneath, and the WCAG contrast of coastlines and borders is computed.
// Lines on a map are graphical objects: WCAG 2.1 (1.4.11) asks for at least 3:1 against their background.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectJsonFile, readFixture } from '../../support/expectFile';

const CSS = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'media', 'map.css'), 'utf8');

type Theme = Record<string, string>;
type Rgb = [number, number, number];

/** The declarations that apply to `.cls` in a theme: base rules first, then the theme's body-class rules, in file order. */
function declarations(cls: string, bodyClass: string): Record<string, string> {
  const out: Record<string, string> = {};
  const text = CSS.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const rule of text.split('}')) {
    const [selectors, body] = rule.split('{');
    if (!body) continue;
    const applies = selectors.split(',').map((s) => s.trim()).some((s) => s === `.${cls}` || s === `body.${bodyClass} .${cls}`);
    if (!applies) continue;
    for (const decl of body.split(';')) {
      const i = decl.indexOf(':');
      if (i > 0) out[decl.slice(0, i).trim()] = decl.slice(i + 1).trim();
    }
  }
  return out;
}

/** var(--x, fallback) resolved with the theme's variables (nested fallbacks too). */
function resolve(value: string, theme: Theme): string {
  const m = /^var\((--[\w-]+)(?:,\s*(.+))?\)$/.exec(value.trim());
  if (!m) return value.trim();
  return theme[m[1]] ?? (m[2] !== undefined ? resolve(m[2], theme) : 'transparent');
}

function rgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  assert.ok(m, `not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)) as Rgb;
}

function over(top: Rgb, opacity: number, under: Rgb): Rgb {
  return top.map((c, i) => c * opacity + under[i] * (1 - opacity)) as Rgb;
}

function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/** The colour a basemap element paints over `under`. */
function paint(cls: string, property: 'fill' | 'stroke', theme: Theme, under: Rgb): Rgb {
  const d = declarations(cls, theme.bodyClass);
  const colour = resolve(d[property] ?? 'transparent', theme);
  if (colour === 'none' || colour === 'transparent') return under;
  const opacity = Number(d[`${property}-opacity`] ?? '1');
  return over(rgb(colour), opacity, under);
}

test('basemap: coastlines and borders contrast at least 3:1 in every built-in theme', () => {
  const themes = JSON.parse(readFixture('map', 'themes.json')) as Record<string, Theme>;
  const report: Record<string, Record<string, number>> = {};
  for (const [name, theme] of Object.entries(themes)) {
    if (name.startsWith('_')) continue;
    const sea = rgb(theme['--vscode-editor-background']);
    const land = paint('country', 'fill', theme, sea);
    const coast = paint('coast', 'stroke', theme, land);
    const border = paint('border', 'stroke', theme, land);
    report[name] = { 'coast vs land': contrast(coast, land), 'coast vs sea': contrast(coast, sea), 'border vs land': contrast(border, land) };
    for (const [what, ratio] of Object.entries(report[name])) assert.ok(ratio >= 3, `${name}: ${what} is ${ratio}:1, below 3:1`);
  }
  assert.ok(Object.keys(report).length >= 4, 'the theme table was read');
  expectJsonFile(report, 'map', 'basemap-contrast.expected.json');
});
