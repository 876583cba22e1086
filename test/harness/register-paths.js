// Jest's global setup runs outside Jest's module registry, so moduleNameMapper does not apply
// there; this registers the same tsconfig path aliases with Node's resolver instead.
const path = require('node:path');
const { register } = require('tsconfig-paths');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
register({ baseUrl: root, paths: config.compilerOptions.paths });
