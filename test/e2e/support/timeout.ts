// jest reads `testTimeout` only from the top-level config, not from a project entry, so the browser tests
// set their longer timeout here (setupFilesAfterEnv of the e2e project).
jest.setTimeout(120_000);
