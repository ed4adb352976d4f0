#!/usr/bin/env node
// The `status-errors` command. The code is built to dist/ (pnpm build); this launcher is committed
// so that package managers can link the command before the first build.
import('../dist/cli.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
  console.error('status-errors: the command is not built yet; run `pnpm build` first')
  process.exitCode = 2
})
