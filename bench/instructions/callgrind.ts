import { execFile } from 'node:child_process'
import { copyFile, readFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { callgrindControlPrefix } from '../server-process.js'

const run = promisify(execFile)

/** Whether valgrind is installed: the instruction counts need it, nothing else in the benchmark does. */
export async function hasValgrind(): Promise<boolean> {
  try {
    await run('valgrind', ['--version'])
    return true
  } catch {
    return false
  }
}

/** One server process under callgrind: its pid and the file its counts go to. */
export interface CountedProcess {
  readonly pid: number
  readonly outFile: string
  /** With `--keep`: the folder each dump is copied to before it is removed. */
  readonly keepDir?: string | undefined
}

/** Sets the process's counters to zero: what ran before (start-up, warm-up, the last window) is left out. */
export async function zeroCounters(process: CountedProcess): Promise<void> {
  await control(process, '--zero')
}

/**
 * Has callgrind write its counters since the last zero, and returns the instructions executed
 * (`Ir`) in that time, over every thread of the process. `callgrind_control` returns once the dump
 * is written. A process numbers its dumps from 1 (`<out file>.1`, `.2` …); `dumpNumber` is this
 * dump's, and the file is removed once read (after a copy into `keepDir`, when there is one).
 */
export async function dumpInstructions(process: CountedProcess, dumpNumber: number): Promise<number> {
  await control(process, '--dump')
  const file = `${process.outFile}.${dumpNumber}`
  const total = readTotalInstructions(await readFile(file, 'utf8'))
  if (process.keepDir !== undefined) await copyFile(file, join(process.keepDir, basename(file)))
  await rm(file)
  return total
}

/**
 * Moves the map V8 wrote for `--perf-basic-prof` (the address and name of each piece of compiled
 * JavaScript, in `/tmp/perf-<pid>.map`) next to the process's kept dumps once the process is gone,
 * as `keptPerfMap` names it. Without it a dump names only Node's and V8's own functions: compiled
 * JavaScript is an address. A process that never wrote one (it failed to start) leaves nothing.
 */
export async function keepPerfMap(process: CountedProcess, keepDir: string): Promise<void> {
  const map = `/tmp/perf-${process.pid}.map`
  try {
    await copyFile(map, keptPerfMap(join(keepDir, basename(process.outFile))))
  } finally {
    await rm(map, { force: true })
  }
}

/** The kept perf map of the process whose dumps are `<out file>.1`, `.2` …: `<out file>.perf.map`. */
export function keptPerfMap(outFile: string): string {
  return `${outFile}.perf.map`
}

/**
 * The total of a callgrind dump: its `totals:` line, whose first number is `Ir`, the only event
 * callgrind counts by default. Callgrind writes it last, so a dump without it was cut short.
 */
export function readTotalInstructions(dump: string): number {
  const line = /^totals:[ \t]*(\d+)/m.exec(dump)
  if (line?.[1] === undefined) throw new Error('a callgrind dump without totals')
  return Number(line[1])
}

async function control(process: CountedProcess, action: string): Promise<void> {
  await run('callgrind_control', [
    `--vgdb-prefix=${callgrindControlPrefix(process.outFile)}`,
    action,
    String(process.pid),
  ])
}
