// Fails fast, with a clear message, when a script runs on a Node.js older than the toolchain needs.
// `npm run` puts the project's own Node (the `node` dev dependency) first on PATH; this guard catches
// installs that skipped it (for example `npm ci --ignore-scripts`) before Astro or Vitest fail obscurely.
const [major, minor] = process.versions.node.split('.').map(Number);
const isSupported = major > 22 || (major === 22 && minor >= 12);
if (!isSupported) {
  console.error(
    `This project needs Node.js 22.12 or newer; this is ${process.version}.\n` +
      'Run scripts through npm (npm start, npm test) so the bundled Node from node_modules/.bin is used,\n' +
      'and do not install with --ignore-scripts (the node package installs its binary in a script).',
  );
  process.exit(1);
}
