// Integration specs: 30 s per test or hook instead of jest's 5 s. A real hang still fails.
jest.setTimeout(30_000);
