import { readFile } from 'node:fs/promises'

/** One piece of compiled code in V8's perf map: where it starts, how long it is, what it is. */
export interface CodeRange {
  readonly start: number
  readonly size: number
  readonly name: string
}

/** Reads a perf map (`--perf-basic-prof`), sorted by address for `nameAt`. */
export async function readPerfMap(path: string): Promise<readonly CodeRange[]> {
  return parsePerfMap(await readFile(path, 'utf8'))
}

/** Lines of `<start hex> <size hex> <name>`; the name may hold spaces. */
export function parsePerfMap(text: string): readonly CodeRange[] {
  const ranges: CodeRange[] = []
  for (const line of text.split('\n')) {
    const parts = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line)
    if (parts?.[1] === undefined || parts[2] === undefined || parts[3] === undefined) continue
    ranges.push({ start: Number.parseInt(parts[1], 16), size: Number.parseInt(parts[2], 16), name: parts[3] })
  }
  return ranges.sort((a, b) => a.start - b.start)
}

/**
 * The name of the code holding `address`, or `undefined`. V8 can reuse an address once code is
 * collected: the map's last range starting at or below the address is taken, as `perf` does.
 */
export function nameAt(ranges: readonly CodeRange[], address: number): string | undefined {
  let low = 0
  let high = ranges.length - 1
  let found: CodeRange | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = ranges[middle] as CodeRange
    if (range.start <= address) {
      found = range
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found !== undefined && address < found.start + found.size ? found.name : undefined
}
