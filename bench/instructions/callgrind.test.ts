import { describe, expect, it } from 'vitest'
import { readTotalInstructions } from './callgrind.js'

describe('readTotalInstructions', () => {
  it('reads the first number of the totals line', () => {
    const dump =
      'version: 1\npositions: line\nevents: Ir\nsummary: 999\n\nfn=(1) main\n3 12\n\ntotals: 2463\n'
    expect(readTotalInstructions(dump)).toBe(2463)
  })

  it('throws for a dump cut short before its totals', () => {
    expect(() => readTotalInstructions('events: Ir\nsummary: 512\nfn=(1) main\n')).toThrow(/without totals/)
  })
})
