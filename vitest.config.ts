// Test runner configuration: Node-side suites under tests/ (engine, model, CLI, analysis,
// and end-to-end tests that drive Debian's Chromium through playwright-core).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
