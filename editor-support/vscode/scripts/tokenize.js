'use strict';
// Tokenizes .netspec text with the extension's TextMate grammar, using the same engine as
// VS Code (vscode-textmate + the oniguruma WASM build).
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'netspec.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.netspec') {
        return null;
      }
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR);
    },
  });
  return registry.loadGrammar('source.netspec');
}

/** @returns {{line: number, start: number, end: number, text: string, scopes: string[]}[]} */
function tokenize(grammar, text) {
  const result = [];
  let ruleStack = vsctm.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const { tokens, ruleStack: next } = grammar.tokenizeLine(line, ruleStack);
    ruleStack = next;
    for (const token of tokens) {
      result.push({
        line: index + 1,
        start: token.startIndex,
        end: Math.min(token.endIndex, line.length),
        text: line.substring(token.startIndex, token.endIndex),
        scopes: token.scopes,
      });
    }
  });
  return result;
}

module.exports = { loadGrammar, tokenize };

if (require.main === module) {
  // node scripts/tokenize.js FILE...: prints every token and its scopes (for debugging the grammar)
  loadGrammar().then((grammar) => {
    for (const file of process.argv.slice(2)) {
      for (const t of tokenize(grammar, fs.readFileSync(file, 'utf8'))) {
        if (t.text.trim() === '') continue;
        console.log(`${file}:${t.line}:${t.start + 1}\t${JSON.stringify(t.text)}\t${t.scopes.slice(1).join(' ')}`);
      }
    }
  });
}
