// Packages published as ES modules only, which Jest must compile to CommonJS (see jest.config.js).
module.exports = ['@nestjs', 'load-esm', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', 'uid'].join('|');
