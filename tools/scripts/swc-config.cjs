// The swc settings for the server (.swcrc) plus the `@aula/*` path aliases of tsconfig.base.json,
// so the aliases are written in one place. swc rewrites the aliases to relative imports.
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');

const root = resolve(__dirname, '../..');

function swcConfig() {
  const swc = JSON.parse(readFileSync(resolve(root, '.swcrc'), 'utf8'));
  const { compilerOptions } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8'));
  swc.jsc.baseUrl = root;
  swc.jsc.paths = compilerOptions.paths;
  return swc;
}

module.exports = { swcConfig, root };
