import { execFile } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
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
}

/** Sets the process's counters to zero: what ran before (start-up, warm-up, the last window) is left out. */
export async function zeroCounters(process: CountedProcess): Promise<void> {
  await control(process, '--zero')
}

/**
 * Has callgrind write its counters since the last zero, and returns the instructions executed
 * (`Ir`) in that time, over every thread of the process. `callgrind_control` returns once the dump
 * is written. A process numbers its dumps from 1 (`<out file>.1`, `.2` …); `dumpNumber` is this
 * dump's, and the file is removed once read.
 */
export async function dumpInstructions(process: CountedProcess, dumpNumber: number): Promise<number> {
  await control(process, '--dump')
  const file = `${process.outFile}.${dumpNumber}`
  const total = readTotalInstructions(await readFile(file, 'utf8'))
  await rm(file)
  return total
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
