/** One jest run for the whole suite: unit, contract (emulator over HTTP) and browser tests. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@rt/contracts$': '<rootDir>/src/contracts/index.ts', '^@rt/contracts/(.*)$': '<rootDir>/src/contracts/$1', '\\.css$': '<rootDir>/test/support/style-stub.js' },
  testEnvironment: 'node',
};
module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'], testPathIgnorePatterns: ['/test/e2e/', '/test/contract/'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/e2e/support/timeout.ts'] },
  ],
};
