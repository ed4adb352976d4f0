import { negotiateFormat } from '@status-errors/core/adapter'

/** The goal for one call with a 100,000-item header. */
export const HOSTILE_LIMIT_MS = 2

export interface HostileResult {
  readonly shape: string
  readonly items: number
  readonly medianMs: number
  readonly maxMs: number
  /**
   * Median time at this size over median time at a tenth of it: about 1 while only core's read
   * limit of the header is parsed, 10 if the whole header were.
   */
  readonly growthPerTenfold: number | undefined
  readonly met: boolean | undefined
}

/** Hostile Accept headers of `items` commas, media ranges, parameters, quoted commas or q-values. */
const SHAPES: readonly { readonly shape: string; readonly build: (items: number) => string }[] = [
  { shape: 'commas', build: (items) => `text/html${','.repeat(items)}` },
  { shape: 'media ranges', build: (items) => `${'a/b,'.repeat(items)}text/html` },
  { shape: 'parameters', build: (items) => `text/html${';p=v'.repeat(items)}` },
  { shape: 'quoted commas', build: (items) => `text/html;p="${','.repeat(items)}"` },
  { shape: 'q-values', build: (items) => `${'*/*;q=0.1,'.repeat(items)}text/html` },
]

/**
 * Times single calls of `negotiateFormat` at 10,000 and 100,000 items. A header longer than core's
 * read limit is never cached, so each call with the same header parses it again. Node's default
 * `maxHeaderSize` (16 KB) keeps such headers from arriving over HTTP at all; core must stay cheap
 * anyway.
 */
export function runHostileAccept(repeats: number): HostileResult[] {
  const results: HostileResult[] = []
  for (const { shape, build } of SHAPES) {
    let previous: number | undefined
    for (const items of [10_000, 100_000]) {
      const header = asParsed(build(items))
      const times: number[] = []
      for (let repeat = 0; repeat < repeats; repeat++) {
        const start = performance.now()
        negotiateFormat(header)
        times.push(performance.now() - start)
      }
      times.sort((x, y) => x - y)
      const medianMs = times[times.length >> 1] ?? Number.NaN
      const full = items === 100_000
      results.push({
        shape,
        items,
        medianMs,
        maxMs: times[times.length - 1] ?? Number.NaN,
        growthPerTenfold: previous === undefined ? undefined : medianMs / previous,
        met: full ? medianMs < HOSTILE_LIMIT_MS : undefined,
      })
      previous = medianMs
    }
  }
  return results
}

/**
 * The header as Node's HTTP parser hands over a single Accept line: a flat string decoded from the
 * bytes received. `repeat` and the template literals build ropes, which V8 flattens on their first
 * read: timed, that would be this benchmark's own string (up to 1 MB), not the negotiation.
 */
function asParsed(header: string): string {
  return Buffer.from(header, 'latin1').toString('latin1')
}
