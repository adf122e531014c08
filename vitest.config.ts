import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that change what other files would load: one replaces a module with `vi.mock`, the other adds sample
 * modules to the platform's registries of permissions and audit events. They run isolated, each in a module graph
 * of its own. Every other file shares its worker's modules with the files before it (`isolate: false`): importing
 * the server anew for each file (Fastify, Drizzle, every module's routes) took longer than most files' tests. Each
 * file still opens a database and an app of its own, so files share no data.
 */
const TESTS = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const ISOLATED = ['src/server/outcomes/response-imports-engine.test.ts', 'src/server/platform/module.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/no-network.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: Vitest's default leaves one idle (available parallelism − 1).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: TESTS, exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
