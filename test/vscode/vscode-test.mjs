// @vscode/test-cli configuration for the extension-host tests (`npm run test:vscode`).
// Downloads VS Code (version from VSCODE_TEST_VERSION, default stable) unless VSCODE_PATH names an installed
// VS Code executable. CI here cannot download VS Code: it runs the code-server suite (`npm run test:e2e`) instead.
import { defineConfig } from '@vscode/test-cli';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default defineConfig({
  label: 'extension-host',
  files: path.join(root, 'out', 'test', 'vscode', '**', '*.test.js'),
  version: process.env.VSCODE_TEST_VERSION ?? 'stable',
  ...(process.env.VSCODE_PATH ? { useInstallation: { fromPath: process.env.VSCODE_PATH } } : {}),
  extensionDevelopmentPath: root,
  workspaceFolder: path.join(root, 'out', 'test', 'vscode-workspace'),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'tdd', timeout: 60_000, color: true },
});
