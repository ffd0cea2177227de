'use strict';
// Talks to the real language server, `java -jar compiler/target/netc.jar lsp --stdio` (built by
// `mvn verify`), through the protocol library the VS Code client itself uses, as VS Code would:
// initialize, open a document with an error, read the published diagnostic, hover, complete,
// format, then shutdown and exit, which must end the process with status 0.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { assert, checks } = require('./checks');

const REPO = path.join(__dirname, '..', '..', '..');
const JAR = process.env.NETC_JAR || path.join(REPO, 'compiler', 'target', 'netc.jar');
const TEXT = [
  'import "std/networks"',
  'namespace app {',
  '  isolate ingress, egress',
  '  tier frontend { pods tier=frontend; port http 80/tcp }',
  '  tier backend  { pods tier=backend;  port api 8080/tcp }',
  '  allow internet -> frontend:http',
  '  allow frontend -> backnd:api',
  '}',
  '',
].join('\n');
const URI = 'file://' + path.join(REPO, 'examples', 'lsp-check.netspec');

const { check, fail, finish } = checks();
function within(ms, promise, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
}

async function main() {
  if (!fs.existsSync(JAR)) {
    fail(`${JAR} is missing: build it first (mvn -B verify)`);
    return;
  }
  const server = spawn('java', ['-jar', JAR, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published = new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
  connection.listen();
  try {
    const init = await within(30000, connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 'initialize result');
    check('initialize: the server names itself and offers hover, completion and formatting', () => {
      assert(init.serverInfo.name === 'netc', JSON.stringify(init.serverInfo));
      const caps = init.capabilities;
      assert(caps.hoverProvider && caps.completionProvider && caps.documentFormattingProvider && caps.codeActionProvider, JSON.stringify(caps));
    });
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'netspec', version: 1, text: TEXT } });
    const diagnostics = await within(30000, published, 'publishDiagnostics');
    check('didOpen: the compiler\'s NS1001 on `backnd`, line 7, columns 20-26', () => {
      assert(diagnostics.diagnostics.length === 1, JSON.stringify(diagnostics.diagnostics));
      const d = diagnostics.diagnostics[0];
      assert(d.code === 'NS1001' && d.source === 'netc', `${d.code} ${d.source}`);
      assert(JSON.stringify(d.range) === '{"start":{"line":6,"character":20},"end":{"line":6,"character":26}}', JSON.stringify(d.range));
    });
    const document = { uri: URI };
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: document, position: { line: 6, character: 10 } });
    check('hover on a tier says what it selects', () => {
      assert(hover.contents.value.includes('selects pods `tier=frontend`'), hover.contents.value);
    });
    const completion = await connection.sendRequest('textDocument/completion', { textDocument: document, position: { line: 6, character: 20 } });
    check('completion after `->` offers the tiers and externals', () => {
      const labels = completion.map((item) => item.label);
      assert(labels.includes('backend') && labels.includes('internet'), labels.join(' '));
    });
    const actions = await connection.sendRequest('textDocument/codeAction', {
      textDocument: document, range: diagnostics.diagnostics[0].range, context: { diagnostics: diagnostics.diagnostics },
    });
    check('the quick fix replaces `backnd` with `backend`', () => {
      assert(actions.length === 1 && actions[0].edit.changes[URI][0].newText === 'backend', JSON.stringify(actions));
    });
    const edits = await connection.sendRequest('textDocument/formatting', { textDocument: document, options: { tabSize: 2, insertSpaces: true } });
    check('formatting a formatted document changes nothing', () => {
      assert(Array.isArray(edits) && edits.length === 0, JSON.stringify(edits));
    });
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    const code = await within(10000, exited, 'exit');
    check('shutdown and exit end the server with status 0', () => assert(code === 0, `status ${code}`));
  } finally {
    connection.dispose();
    server.kill();
  }
}

main().catch((e) => fail(e.message)).finally(() => finish('server'));
