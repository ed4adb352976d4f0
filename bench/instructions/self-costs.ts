import { type CodeRange, nameAt } from './perf-map.js'

/** libc's entry of every thread: the bottom of each thread's stack, open in every dump. */
const THREAD_START = /:(start_thread|clone3?) \[/

/**
 * Each function's own instructions, from `callgrind_annotate --inclusive=no`'s table: a count, its
 * share, then `file:function [object]`. Code callgrind cannot name (`???:0x… [???]`) is compiled
 * JavaScript, named from the perf map by its address (V8 writes `JS:*name file:line:column`, `*`
 * for optimised code); the same function compiled twice at one tier adds up.
 * The frames still open when the dump was taken are listed with all their thread's count, and are
 * left out: the main thread's (`main`, Node's event loop …) by their count, more than half the
 * program's, and the other threads' by their names, libc's thread start.
 */
export function functionCosts(annotated: string, code: readonly CodeRange[]): Map<string, number> {
  const costs = new Map<string, number>()
  const lines = annotated.split('\n')
  const programTotal = countOf(lines.find((line) => line.endsWith('PROGRAM TOTALS')))
  const start = lines.findIndex((line) => line.includes('file:function'))
  if (start === -1 || programTotal === undefined) return costs
  // The table runs from under its header (and the dashes under that) to the first blank line.
  for (const line of lines.slice(start + 2)) {
    if (line.trim() === '') break
    const row = /^\s*([\d,]+) \([^)]*\)\s+(.*)$/.exec(line)
    if (row?.[1] === undefined || row[2] === undefined) continue
    const count = Number(row[1].replaceAll(',', ''))
    if (count > programTotal / 2 || THREAD_START.test(row[2])) continue
    const address = /^\?\?\?:0x([0-9a-f]+)/.exec(row[2])?.[1]
    const name =
      address === undefined
        ? row[2].replace(/^\?\?\?:/, '').replace(/ \[[^\]]*\]$/, '')
        : (nameAt(code, Number.parseInt(address, 16)) ?? 'JS:(unnamed code)')
    costs.set(name, (costs.get(name) ?? 0) + count)
  }
  return costs
}

function countOf(line: string | undefined): number | undefined {
  const count = line === undefined ? undefined : /^\s*([\d,]+)/.exec(line)?.[1]
  return count === undefined ? undefined : Number(count.replaceAll(',', ''))
}
