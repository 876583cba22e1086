// Turns tsconfig.json's "paths" into Jest's moduleNameMapper, so aliases are declared once.
const path = require('node:path');
const ts = require('typescript');

function pathsToModuleNameMapper() {
  const configPath = path.join(__dirname, '..', '..', 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  /** @type {Record<string, string>} */
  const mapper = {};
  for (const [alias, [target]] of Object.entries(config.compilerOptions.paths)) {
    const from = '^' + alias.replace(/[.]/g, '\\.').replace('/*', '/(.*)') + '$';
    mapper[from] = '<rootDir>/' + target.replace(/^\.\//, '').replace('/*', '/$1');
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
