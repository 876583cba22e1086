// SWC settings for Jest: TypeScript with decorators and their metadata (Nest and TypeORM need both).
/** @type {import('@swc/core').Options} */
const forTypeScript = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

// For ES-module-only packages in node_modules, compiled to CommonJS.
/** @type {import('@swc/core').Options} */
const forJavaScript = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs' },
};

module.exports = { forTypeScript, forJavaScript };
