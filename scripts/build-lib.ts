// `npm run build:lib`: the library as plain JavaScript and declarations in lib/ (dist/ is
// the web app's), so it can be imported from Node without tsx and from bundlers. Two
// bundles of src/index.ts because the `#mathjs` import differs by platform (Node reads
// mathjs's prebuilt file; browsers get the tree-shaken factories); dependencies stay
// external. Declarations come from tsc (tsconfig.lib.json).
import { build, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'lib');

rmSync(out, { recursive: true, force: true });
const common: BuildOptions = {
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, platform: 'node', outfile: join(out, 'index.js') }),
  build({ ...common, platform: 'browser', outfile: join(out, 'browser.js') }),
]);
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
