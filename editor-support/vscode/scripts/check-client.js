'use strict';
// Runs extension.js against stand-ins for the `vscode` API and vscode-languageclient (neither
// can run outside VS Code) and checks what it asks of them: the server command from
// `netspec.server.path` with `lsp` over stdio, netspec documents, a restart when the setting
// changes, an error message naming the setting when the server cannot start, and stop on
// deactivate.
const Module = require('module');
const path = require('path');

const { assert, checks } = require('./checks');

const { check, finish } = checks();

/** A fresh world: the settings, what the client did, and the extension loaded against it. */
function world({ serverPath, startFails = false } = {}) {
  const state = { settings: { 'server.path': serverPath }, clients: [], errors: [], configListeners: [] };
  const vscode = {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => (section === 'netspec' ? state.settings[key] : undefined) }),
      onDidChangeConfiguration: (listener) => {
        state.configListeners.push(listener);
        return { dispose() {} };
      },
    },
    window: { showErrorMessage: (message) => state.errors.push(message) },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
      state.clients.push(this);
    }
    async start() {
      if (startFails) throw new Error('spawn netc ENOENT');
      this.started = true;
    }
    async stop() {
      this.stopped = true;
    }
  }
  const fakes = { vscode, 'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } } };
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    return Object.prototype.hasOwnProperty.call(fakes, request) ? fakes[request] : originalLoad.call(this, request, ...rest);
  };
  const file = path.join(__dirname, '..', 'extension.js');
  delete require.cache[require.resolve(file)];
  try {
    state.extension = require(file);
  } finally {
    Module._load = originalLoad;
  }
  state.context = { subscriptions: [] };
  return state;
}

(async () => {
  await check('activate starts `netc lsp` over stdio for netspec documents', async () => {
    const w = world();
    await w.extension.activate(w.context);
    assert(w.clients.length === 1, `${w.clients.length} clients`);
    const c = w.clients[0];
    assert(c.id === 'netspec', `client id ${c.id} (VS Code reads netspec.trace.server by it)`);
    assert(c.serverOptions.command === 'netc', `command ${c.serverOptions.command}`);
    assert(JSON.stringify(c.serverOptions.args) === '["lsp"]', `args ${c.serverOptions.args}`);
    assert(c.serverOptions.transport === 0, 'transport is not stdio');
    assert(c.clientOptions.documentSelector.every((s) => s.language === 'netspec'), 'documentSelector');
    assert(c.started, 'not started');
    assert(w.context.subscriptions.length === 1, 'the configuration listener is not disposed with the extension');
  });

  await check('netspec.server.path names the launcher', async () => {
    const w = world({ serverPath: '/opt/netc/netc' });
    await w.extension.activate(w.context);
    assert(w.clients[0].serverOptions.command === '/opt/netc/netc', w.clients[0].serverOptions.command);
  });

  await check('changing netspec.server.path restarts the server with the new path; other settings do not', async () => {
    const w = world();
    await w.extension.activate(w.context);
    w.settings['server.path'] = '/usr/local/bin/netc';
    await w.configListeners[0]({ affectsConfiguration: (s) => s === 'editor.tabSize' });
    assert(w.clients.length === 1, 'restarted for an unrelated setting');
    await w.configListeners[0]({ affectsConfiguration: (s) => s === 'netspec.server.path' });
    assert(w.clients.length === 2 && w.clients[0].stopped, 'the old client was not stopped and replaced');
    assert(w.clients[1].serverOptions.command === '/usr/local/bin/netc', w.clients[1].serverOptions.command);
  });

  await check('a server that cannot start is reported with the setting to fix it', async () => {
    const w = world({ startFails: true });
    await w.extension.activate(w.context);
    assert(w.errors.length === 1 && w.errors[0].includes('netspec.server.path') && w.errors[0].includes('ENOENT'), w.errors[0]);
    await w.extension.deactivate();
  });

  await check('deactivate stops the client', async () => {
    const w = world();
    await w.extension.activate(w.context);
    await w.extension.deactivate();
    assert(w.clients[0].stopped, 'not stopped');
  });

  finish('client');
})();
