import { describe, expect, it } from 'vitest'
import type { Group } from '../scenarios.js'
import { compareInstructions } from './compare.js'

const group: Group = {
  framework: 'fastify',
  name: 'not-found',
  targets: [],
  comparisons: [
    { name: 'floor', a: 'se', b: 'floor', kind: 'target', goal: 0.97 },
    { name: 'A/A', a: 'se', b: 'se-2', kind: 'noise', goal: undefined },
  ],
}

describe('compareInstructions', () => {
  it("gives B's count over A's per process set, like a throughput ratio A/B", () => {
    const [floor] = compareInstructions(group, [
      new Map([
        ['se', 100],
        ['floor', 98],
        ['se-2', 100],
      ]),
    ])
    expect(floor?.setRatios).toEqual([0.98])
    expect(floor?.verdict).toBe('met')
  })

  it('misses a goal when one process set misses it, and gives no verdict without a goal', () => {
    const counts = (se: number) =>
      new Map([
        ['se', se],
        ['floor', 96],
        ['se-2', 100],
      ])
    const [floor, noise] = compareInstructions(group, [counts(98), counts(100)])
    expect(floor?.setRatios).toEqual([96 / 98, 0.96])
    expect(floor?.verdict).toBe('missed')
    expect(floor?.counts).toEqual({ a: [98, 100], b: [96, 96] })
    expect(noise?.verdict).toBeUndefined()
  })

  it('leaves out a comparison whose targets were not all counted', () => {
    const counts = new Map([
      ['se', 100],
      ['se-2', 99],
    ])
    expect(compareInstructions(group, [counts]).map((comparison) => comparison.name)).toEqual(['A/A'])
  })
})
