// Which Node each command needs, in one place (package.json `engines`, the README and
// native-abi.mjs agree with it; scripts/nodeVersions.test.ts checks that they do):
// - install, test, typecheck, lint, dev:web, e2e, bench: Vite's and electron-vite's range;
// - start, dev, dist: those also rebuild better-sqlite3 for Electron with @electron/rebuild,
//   whose node-abi needs Node 22.12 or later.
export const INSTALL_AND_TEST_NODE = '^20.19.0 || >=22.12.0';
export const ELECTRON_TOOLCHAIN_NODE = '22.12.0';

function parts(version) {
  return version.replace(/^v/u, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/** True when `version` (e.g. process.version) is at least `minimum`. */
export function atLeast(version, minimum) {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** A sentence saying why this Node cannot build for Electron, or null when it can. */
export function electronToolchainRefusal(version) {
  if (atLeast(version, ELECTRON_TOOLCHAIN_NODE)) return null;
  return (
    `npm start, npm run dev and npm run dist need Node ${ELECTRON_TOOLCHAIN_NODE} or later ` +
    `(they rebuild the SQLite binding for Electron with @electron/rebuild); this is Node ${version.replace(/^v/u, '')}. ` +
    'npm install and npm test work from Node 20.19.'
  );
}
