// Tests are compiled with the rest of the project (npm test builds first) so that the real child
// processes they launch run the same JavaScript a user runs.
const { ESM_PACKAGES } = require('./test/esmPackages.cjs');

const esm = `/node_modules/(${ESM_PACKAGES.join('|')})/`;
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  testTimeout: 60000,
  maxWorkers: 1,
  verbose: true,
  // The first match wins: those packages through esbuild, everything else through Jest's default.
  transform: { [`${esm}.+\\.js$`]: '<rootDir>/test/esmPackages.cjs', '\\.[jt]sx?$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};
