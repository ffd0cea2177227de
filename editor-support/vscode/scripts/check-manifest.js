'use strict';
// Checks the extension's manifest and its contributed files: package.json points at files that
// exist, language-configuration.json has what the editor needs and its regular expressions
// compile, the grammar's scope name matches, and the snippets the README promises are there.
const fs = require('fs');
const path = require('path');

const { assert, checks } = require('./checks');

const ROOT = path.join(__dirname, '..');
const { check, finish } = checks();

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

const pkg = readJson('package.json');
const contributes = pkg.contributes || {};

check('package.json declares the netspec language for .netspec files', () => {
  const language = (contributes.languages || []).find((l) => l.id === 'netspec');
  assert(language, 'no language with id netspec');
  assert((language.extensions || []).includes('.netspec'), 'extension .netspec missing');
  assert((language.aliases || []).length > 0, 'no aliases');
  assert(fs.existsSync(path.join(ROOT, language.configuration)), `missing ${language.configuration}`);
});

check('package.json starts the language client for netspec documents', () => {
  assert(pkg.main === './extension.js' && fs.existsSync(path.join(ROOT, pkg.main)), `main is ${pkg.main}`);
  assert(JSON.stringify(pkg.activationEvents) === '["onLanguage:netspec"]', 'activationEvents');
  const settings = (contributes.configuration || {}).properties || {};
  assert(settings['netspec.server.path'] && settings['netspec.server.path'].default === 'netc', 'netspec.server.path');
  assert(settings['netspec.trace.server'], 'netspec.trace.server');
});

check('vscode-languageclient is an exact runtime dependency, locked, and fits engines.vscode', () => {
  const version = (pkg.dependencies || {})['vscode-languageclient'];
  assert(/^\d+\.\d+\.\d+$/.test(version || ''), `vscode-languageclient version ${version} is not exact`);
  const lock = readJson('package-lock.json');
  assert(lock.packages['node_modules/vscode-languageclient'].version === version, 'package-lock.json disagrees');
  const client = readJson('node_modules/vscode-languageclient/package.json');
  const need = client.engines.vscode.replace(/^\^/, '').split('.').map(Number);
  const have = pkg.engines.vscode.replace(/^\^/, '').split('.').map(Number);
  assert(have[0] > need[0] || have[0] === need[0] && have[1] >= need[1], `engines.vscode ${pkg.engines.vscode} < ${client.engines.vscode}`);
});

check('the grammar file exists and has scope source.netspec', () => {
  const grammar = (contributes.grammars || []).find((g) => g.language === 'netspec');
  assert(grammar && grammar.scopeName === 'source.netspec', 'no grammar source.netspec for netspec');
  const json = readJson(grammar.path);
  assert(json.scopeName === 'source.netspec', `grammar scopeName is ${json.scopeName}`);
});

check('language-configuration.json: comments, brackets, pairs, folding', () => {
  const config = readJson('language-configuration.json');
  assert(config.comments.lineComment === '//', 'lineComment');
  assert(JSON.stringify(config.comments.blockComment) === '["/*","*/"]', 'blockComment');
  for (const pair of ['{}', '[]', '()']) {
    assert(config.brackets.some(([o, c]) => o + c === pair), `bracket ${pair}`);
    assert(config.autoClosingPairs.some((p) => p.open + p.close === pair), `autoClosingPair ${pair}`);
    assert(config.surroundingPairs.some(([o, c]) => o + c === pair), `surroundingPair ${pair}`);
  }
  const quote = config.autoClosingPairs.find((p) => p.open === '"');
  assert(quote && quote.notIn.includes('string') && quote.notIn.includes('comment'), '" is not closed in strings and comments');
  assert(new RegExp(config.folding.markers.start).test('network mgmt {'), 'folding start marker');
  assert(new RegExp(config.folding.markers.end).test('  }'), 'folding end marker');
});

check('language-configuration.json: wordPattern keeps names, addresses and ports whole', () => {
  const config = readJson('language-configuration.json');
  const word = new RegExp(`^(?:${config.wordPattern})$`);
  for (const w of ['kube-proxy', 'app.frontend', 'app.kubernetes.io/name', 'store-12', '10.0.1.0/24', '80/tcp', '8000-8100/udp', '30s']) {
    assert(word.test(w), `${w} is not one word`);
  }
  for (const r of [config.indentationRules.increaseIndentPattern, config.indentationRules.decreaseIndentPattern]) {
    new RegExp(r);
  }
  for (const rule of config.onEnterRules) {
    new RegExp(rule.beforeText);
    if (rule.afterText) new RegExp(rule.afterText);
  }
});

check('snippets: network, cluster, node, namespace, tier, allow, external', () => {
  const contribution = (contributes.snippets || []).find((s) => s.language === 'netspec');
  assert(contribution, 'no snippets contribution for netspec');
  const snippets = readJson(contribution.path);
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  for (const wanted of ['network', 'cluster', 'node', 'namespace', 'tier', 'allow', 'external']) {
    assert(prefixes.includes(wanted), `no snippet with prefix ${wanted}`);
  }
  for (const [name, snippet] of Object.entries(snippets)) {
    assert(Array.isArray(snippet.body) && snippet.body.every((l) => typeof l === 'string'), `${name}: body`);
    assert(typeof snippet.description === 'string', `${name}: description`);
    const text = snippet.body.join('\n');
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\\') { i++; continue; }
      if (text[i] === '$' && text[i + 1] === '{') { depth++; i++; continue; }
      if (text[i] === '}' && depth > 0) depth--;
    }
    assert(depth === 0, `${name}: unbalanced \${...}`);
  }
});

finish('manifest');
