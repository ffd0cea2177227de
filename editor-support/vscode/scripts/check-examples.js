'use strict';
// Tokenizes every examples/**/*.netspec and stdlib/*.netspec file of the repository (and this
// extension's tests/valid/*.netspec) with the TextMate grammar and fails if any token has an
// `invalid` scope: a valid file must highlight without error marks. There may be no examples
// yet; the count is printed either way. Files given on the command line are checked instead.
const fs = require('fs');
const path = require('path');
const { loadGrammar, tokenize } = require('./tokenize');

const REPO = path.resolve(__dirname, '..', '..', '..');

function walk(dir, recursive, out) {
  if (!fs.existsSync(dir)) {
    return out;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && recursive) {
      walk(full, recursive, out);
    } else if (entry.isFile() && entry.name.endsWith('.netspec')) {
      out.push(full);
    }
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const sources = args.length > 0
    ? { 'the command line': args.map((f) => path.resolve(f)) }
    : {
      'examples/': walk(path.join(REPO, 'examples'), true, []),
      'stdlib/': walk(path.join(REPO, 'stdlib'), false, []),
      'editor-support/vscode/tests/valid/': walk(path.join(__dirname, '..', 'tests', 'valid'), false, []),
    };
  const files = Object.values(sources).flat();
  const texts = files.map((file) => [path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8')]);
  const snippets = args.length > 0 ? [] : expandedSnippets();
  const grammar = await loadGrammar();
  let failedUnits = 0;
  for (const [shown, text] of [...texts, ...snippets]) {
    let problems = 0;
    for (const token of tokenize(grammar, text)) {
      const invalid = token.scopes.find((s) => s === 'invalid' || s.startsWith('invalid.'));
      if (invalid) {
        problems++;
        console.log(`ERROR ${shown}:${token.line}:${token.start + 1}: ${JSON.stringify(token.text)} is highlighted as ${invalid}`);
      }
    }
    if (problems > 0) {
      failedUnits++;
    }
  }
  const counts = Object.entries(sources).map(([where, list]) => `${list.length} from ${where}`).join(', ');
  console.log(`checked ${files.length} .netspec file(s) (${counts})` +
    (snippets.length > 0 ? ` and ${snippets.length} snippet(s) with their placeholders filled in` : '') +
    ' for invalid tokens');
  const units = texts.length + snippets.length;
  console.log(`examples: ${units - failedUnits} passed, ${failedUnits} failed`);
  process.exitCode = failedUnits === 0 ? 0 : 1;
}

/** Every snippet's body with each placeholder replaced by its default (or first choice). */
function expandedSnippets() {
  const file = path.join(__dirname, '..', 'snippets', 'netspec.json');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.entries(snippets).map(([name, snippet]) => {
    let text = snippet.body.join('\n');
    const defaults = {};
    for (const [, n, value] of text.matchAll(/\$\{(\d+):([^${}]*)\}/g)) {
      defaults[n] = value;
    }
    let previous;
    do {
      previous = text;
      text = text
        .replace(/\$(\d+)/g, (_, n) => defaults[n] || '')
        .replace(/\$\{\d+\}/g, '')
        .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
        .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,[^|]*)?\|\}/g, (_, first) => first.replace(/\\(.)/g, '$1'));
    } while (text !== previous);
    return [`snippet "${name}"`, text + '\n'];
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
