import { describe, expect, it } from 'vitest'
import { FORMATS } from './formats.js'
import { prepareStatus } from './response.js'

const content = { status: 404, title: 'Not Found', description: 'No such page.', type: 'about:blank' }
const json = FORMATS[0]

describe('prepareStatus', () => {
  it('renders a detail seen again once, as the same frozen answer, for GET and HEAD apart', () => {
    const prepared = prepareStatus(content, json)
    const first = prepared.withDetail('No user with this id.', undefined, false)
    expect(prepared.withDetail('No user with this id.', undefined, false)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(first.body).toBe(
      '{"status":404,"title":"Not Found","description":"No such page.","detail":"No user with this id."}',
    )
    const head = prepared.withDetail('No user with this id.', undefined, true)
    expect({ body: head.body, headers: head.headers }).toEqual({ body: '', headers: first.headers })
    expect(prepared.withDetail('No user with this id.', undefined, true)).toBe(head)
  })

  it('stops memoising at its limit, and never memoises long details or stacks, with the same bytes', () => {
    const prepared = prepareStatus(content, json)
    for (let i = 0; i < 64; i++) prepared.withDetail(`No user ${i}.`, undefined, false)
    const unmemoised = [
      ['No user 64.', undefined],
      ['x'.repeat(257), undefined],
      ['No user 0.', 'Error: x\n    at y'],
    ] as const
    for (const [detail, stack] of unmemoised) {
      const answer = prepared.withDetail(detail, stack, false)
      expect(prepared.withDetail(detail, stack, false)).not.toBe(answer)
      expect(prepared.withDetail(detail, stack, false)).toEqual(answer)
      expect(answer.headers).toContainEqual(['content-length', String(Buffer.byteLength(answer.body))])
    }
    expect(prepared.withDetail('No user 0.', undefined, false)).toBe(
      prepared.withDetail('No user 0.', undefined, false),
    )
  })

  it('gives HEAD a memo of its own, with its own limit', () => {
    const prepared = prepareStatus(content, json)
    for (let i = 0; i < 64; i++) prepared.withDetail(`No user ${i}.`, undefined, false)
    const head = (detail: string) => prepared.withDetail(detail, undefined, true)
    expect(head('No user 64.')).toBe(head('No user 64.'))
    for (let i = 0; i < 63; i++) head(`No group ${i}.`)
    expect(head('No group 63.')).not.toBe(head('No group 63.'))
    expect(head('No group 63.')).toEqual(head('No group 63.'))
  })
})
