#!/usr/bin/env node
// better-sqlite3 is a native addon, and Node and Electron speak different ABIs. Tests, the
// browser harness and benchmarks load it under Node; the app loads it under Electron.
// `node scripts/native-abi.mjs node|electron` makes sure the binding on disk matches the runtime
// about to start, rebuilding only when it does not (the marker below remembers which one it is).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronToolchainRefusal } from './nodeVersions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.rapport-native-abi');
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: native-abi.mjs node|electron');
  process.exit(2);
}

function loadsUnderNode() {
  // A child process, so a binding built for Electron cannot poison this one.
  const probe = spawnSync(
    process.execPath,
    ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"],
    { cwd: root, encoding: 'utf8' },
  );
  return probe.status === 0;
}

function electronVersion() {
  const require = createRequire(join(root, 'package.json'));
  return require('electron/package.json').version;
}

const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';

if (target === 'node') {
  if (loadsUnderNode()) {
    writeFileSync(marker, `node ${process.versions.modules}\n`);
    process.exit(0);
  }
  console.log('Rebuilding better-sqlite3 for Node', process.version, '…');
  execSync('npm rebuild better-sqlite3', { cwd: root, stdio: 'inherit' });
  if (!loadsUnderNode()) {
    console.error('better-sqlite3 still does not load under Node after a rebuild.');
    process.exit(1);
  }
  writeFileSync(marker, `node ${process.versions.modules}\n`);
} else {
  const wanted = `electron ${electronVersion()}`;
  if (current === wanted) process.exit(0);
  // Say it plainly before @electron/rebuild fails deep inside node-abi.
  const refusal = electronToolchainRefusal(process.version);
  if (refusal !== null) {
    console.error(refusal);
    process.exit(1);
  }
  console.log('Rebuilding native modules for Electron', electronVersion(), '…');
  execSync('npx electron-builder install-app-deps', { cwd: root, stdio: 'inherit' });
  writeFileSync(marker, `${wanted}\n`);
}
