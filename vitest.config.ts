import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (name: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${name}/src/${entry}.ts`, import.meta.url))

export default defineConfig({
  resolve: {
    // Exact matches: `@status-errors/core` must not also catch `@status-errors/core/adapter`.
    alias: [
      { find: /^@status-errors\/core$/, replacement: source('core') },
      { find: /^@status-errors\/core\/adapter$/, replacement: source('core', 'adapter') },
      { find: /^@status-errors\/express$/, replacement: source('express') },
      { find: /^@status-errors\/koa$/, replacement: source('koa') },
      { find: /^@status-errors\/fastify$/, replacement: source('fastify') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    pool: 'forks',
    // CI reads the JSON report for its closing line (scripts/print-test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
})
