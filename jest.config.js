// Tests are compiled with the rest of the project (npm test builds first) so that the real child
// processes they launch run the same JavaScript a user runs.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  testTimeout: 60000,
  maxWorkers: 1,
  verbose: true,
};
