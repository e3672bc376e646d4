// Codicons for the kinds of items the server sends (protocol EntityIcon), so the look lives in one place.
import * as vscode from 'vscode';
import { EntityIcon } from '../../../server/src/protocol';

const CODICON: Record<EntityIcon, [string, string?]> = {
  country: ['globe'],
  province: ['map'],
  place: ['location'],
  water: ['location', 'charts.blue'],
  terrain: ['location', 'charts.orange'],
  region: ['map', 'charts.green'],
  state: ['shield'],
  'armed-group': ['flame'],
  coalition: ['organization'],
  militia: ['person'],
  political: ['law'],
  faction: ['organization'],
  source: ['quote'],
  year: ['calendar'],
  date: ['calendar'],
  duration: ['watch'],
  claim: ['comment'],
  group: ['list-tree'],
  mention: ['mention'],
};

/** The ThemeIcon for an item kind (unknown kinds get a neutral dot). */
export function iconFor(icon: EntityIcon | string): vscode.ThemeIcon {
  const [id, color] = CODICON[icon as EntityIcon] ?? ['circle-small'];
  return color ? new vscode.ThemeIcon(id, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(id);
}
