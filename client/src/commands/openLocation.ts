// `dateline.openLocation`: the client side of the "Open the other report" code action on conflict diagnostics.
import * as vscode from 'vscode';
import { Location, OpenLocationCommand } from '../../../server/src/protocol';
import { revealLocation } from '../views/entityTreeProvider';

export function registerOpenLocation(context: vscode.ExtensionContext): void {
  // Focus moves to the other report: the user asked to read it.
  context.subscriptions.push(vscode.commands.registerCommand(OpenLocationCommand, (location: Location | undefined) => revealLocation(location, false)));
}
