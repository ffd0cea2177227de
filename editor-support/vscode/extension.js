'use strict';
// The NetSpec extension's language client: starts `netc lsp` (the netc language server) for
// .netspec documents and restarts it when `netspec.server.path` changes. Highlighting, snippets
// and the language configuration work without it; the server adds diagnostics, hover,
// go to definition, references, completion, the outline, formatting and quick fixes.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** How to run the server: `netspec.server.path` (default `netc`, found on PATH) with `lsp`. */
function serverOptions() {
  const command = vscode.workspace.getConfiguration('netspec').get('server.path') || 'netc';
  return { command, args: ['lsp'], transport: TransportKind.stdio };
}

async function start() {
  client = new LanguageClient('netspec', 'NetSpec language server (netc lsp)', serverOptions(), {
    documentSelector: [
      { scheme: 'file', language: 'netspec' },
      { scheme: 'untitled', language: 'netspec' },
    ],
  });
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    vscode.window.showErrorMessage(
      `NetSpec: could not start \`${serverOptions().command} lsp\` (${error.message}). ` +
        'Install netc or set `netspec.server.path` to the netc launcher.');
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('netspec.server.path')) {
      await stop();
      await start();
    }
  }));
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
