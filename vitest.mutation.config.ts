import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The tests Stryker runs against each mutant: the unit tests and the store contract (in-process, no
 * sockets or sleeps). Integration tests with real servers stay out: they cost seconds per mutant on a
 * 2-core machine, and every module listed in stryker.config.json has unit tests of its own.
 * Not `mergeConfig`: it concatenates arrays, so the base `include` (all integration tests) would stay in.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/unit/**/*.test.ts', 'tests/integration/store-contract.test.ts'],
  },
});
