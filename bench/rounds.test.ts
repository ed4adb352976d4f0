import { describe, expect, it } from 'vitest'
import { roundOrder } from './rounds.js'

describe('roundOrder', () => {
  it('alternates forward and backward rounds', () => {
    expect(roundOrder(['A', 'B', 'C'], 0)).toEqual(['A', 'B', 'C'])
    expect(roundOrder(['A', 'B', 'C'], 1)).toEqual(['C', 'B', 'A'])
  })

  it.each([2, 3, 4, 5])('gives each of %i targets each place equally often over 2n rounds', (count) => {
    const targets = Array.from({ length: count }, (_, index) => index)
    const places = targets.map(() => new Array<number>(count).fill(0))
    for (let round = 0; round < 2 * count; round++) {
      roundOrder(targets, round).forEach((target, place) => {
        const row = places[target] as number[]
        row[place] = (row[place] ?? 0) + 1
      })
    }
    for (const row of places) expect(row).toEqual(new Array(count).fill(2))
  })
})
