import type { ComparisonResult } from './compare.js'
import type { InstructionComparison } from './instructions/compare.js'
import { type MemoryResult, RSS_GROWTH_LIMIT_BYTES } from './memory.js'
import type { MicroResult } from './micro/core-bench.js'
import { HOSTILE_LIMIT_MS, type HostileResult } from './micro/hostile-accept.js'
import type { Comparison } from './scenarios.js'
import { median, spread } from './stats.js'

const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '–')
const mb = (bytes: number): string => `${fixed(bytes / 1024 / 1024, 1)} MB`

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function goalCell(result: { readonly goal: number | undefined; readonly kind: Comparison['kind'] }): string {
  if (result.goal !== undefined) return `≥ ${fixed(result.goal)}`
  return result.kind === 'noise' ? 'noise floor' : 'info'
}

/** The HTTP table: per-round ratio A/B (median and range), its goal and verdict, CPU per request. */
export function comparisonTable(results: readonly ComparisonResult[]): string {
  return table(
    [
      'framework',
      'comparison (A / B)',
      'A/B median (pooled)',
      'worst pair',
      'pair medians',
      'range',
      'goal',
      'verdict',
      'CPU µs/req A · B',
      'CPU B/A',
      'CPU pair medians',
      'req/s A · B',
    ],
    results.map((r) => [
      r.framework,
      r.failures > 0 ? `${r.name} (${r.failures} failed)` : r.name,
      fixed(r.ratio.median, 3),
      fixed(Math.min(...r.pairMedians), 3),
      `${r.pairMedians.map((value) => fixed(value, 3)).join(' · ')}${r.slowMode ? ' **slow mode?**' : ''}`,
      `${fixed(r.ratio.min, 3)}–${fixed(r.ratio.max, 3)}`,
      goalCell(r),
      r.verdict === undefined ? '' : `${r.verdict} (CPU ${r.cpuVerdict ?? ''})`,
      `${fixed(r.cpuMicrosPerRequest.a, 1)} · ${fixed(r.cpuMicrosPerRequest.b, 1)}`,
      fixed(r.cpuRatio.median, 3),
      r.cpuPairMedians.map((value) => fixed(value, 3)).join(' · '),
      `${Math.round(r.requestsPerSecond.a)} · ${Math.round(r.requestsPerSecond.b)}`,
    ]),
  )
}

export function memoryTable(results: readonly MemoryResult[]): string {
  return table(
    [
      'framework',
      'RSS after early',
      'RSS after late',
      'growth',
      'heap early → late',
      `goal ≤ ${RSS_GROWTH_LIMIT_BYTES / 1024 / 1024} MB`,
    ],
    results.map((r) => [
      r.framework,
      `${mb(r.rssEarlyBytes)} (${r.early})`,
      `${mb(r.rssLateBytes)} (${r.late})`,
      mb(r.rssGrowthBytes),
      `${mb(r.heapEarlyBytes)} → ${mb(r.heapLateBytes)}`,
      r.failures > 0 ? `${r.met ? 'met' : 'missed'} (${r.failures} failed)` : r.met ? 'met' : 'missed',
    ]),
  )
}

export function microTable(results: readonly MicroResult[]): string {
  return table(
    ['group', 'case', 'ns/op', 'ops/s', '±%'],
    results.map((r) => [
      r.group,
      r.name,
      fixed(r.nanosPerOp, 0),
      Math.round(r.opsPerSecond).toLocaleString('en'),
      fixed(r.rme, 1),
    ]),
  )
}

export function hostileTable(results: readonly HostileResult[]): string {
  return table(
    ['Accept shape', 'items', 'median ms', 'max ms', '× per 10× items', `goal < ${HOSTILE_LIMIT_MS} ms`],
    results.map((r) => [
      r.shape,
      r.items.toLocaleString('en'),
      fixed(r.medianMs, 3),
      fixed(r.maxMs, 3),
      r.growthPerTenfold === undefined ? '' : fixed(r.growthPerTenfold, 1),
      r.met === undefined ? '' : r.met ? 'met' : 'missed',
    ]),
  )
}

/** The instruction counts (`pnpm bench:instructions`): B's count over A's per fresh process set. */
export function instructionTable(results: readonly InstructionComparison[]): string {
  const range = (counts: readonly number[]) => {
    const { min, max } = spread(counts)
    return `${Math.round(min)}–${Math.round(max)}`
  }
  return table(
    [
      'framework',
      'comparison (A / B)',
      'B/A instructions (median)',
      'worst set',
      'per process set',
      'goal',
      'verdict',
      'instructions/req A · B, lowest–highest over the sets',
    ],
    results.map((r) => [
      r.framework,
      r.name,
      fixed(median(r.setRatios), 3),
      fixed(Math.min(...r.setRatios), 3),
      r.setRatios.map((value) => fixed(value, 3)).join(' · '),
      goalCell(r),
      r.verdict ?? '',
      `${range(r.counts.a)} · ${range(r.counts.b)}`,
    ]),
  )
}
