#!/usr/bin/env node
/** The `status-errors` command-line tool: `status-errors --help`. */
import { readFileSync } from 'node:fs'
import { runCli } from './cli/main.js'

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
