import { describe, expect, it } from 'vitest'
import { BODY_TEMPLATES } from './bodies.js'

const content = {
  status: 404,
  title: 'Not Found',
  description: 'The server could not find the "requested" page.',
  type: 'about:blank',
}

/** Details whose escaping differs between JSON, HTML and text. */
const details = [
  undefined,
  'No user with this id.',
  'quotes " and \\ backslashes',
  'line\nbreak\ttab\u0000nul',
  '</script><script>alert(1)</script>',
  'emoji 😀 and a lone surrogate \ud800',
]

describe('body templates', () => {
  it.each(details)('JSON of %j is what JSON.stringify makes of the whole body', (detail) => {
    const stack = detail === undefined ? undefined : 'Error: x\n    at y'
    const { status, title, description } = content
    expect(BODY_TEMPLATES.json(content)(detail, stack)).toBe(
      JSON.stringify({ status, title, description, detail, stack }),
    )
  })

  it.each(details)('problem+json of %j is what JSON.stringify makes of the whole body', (detail) => {
    const { type, title, status, description } = content
    expect(BODY_TEMPLATES.problem(content)(detail, undefined)).toBe(
      JSON.stringify({ type, title, status, detail: detail ?? description, description }),
    )
  })

  it('escapes the detail in HTML and leaves it as it is in text', () => {
    const detail = '<b>"x" & y</b>'
    expect(BODY_TEMPLATES.html(content)(detail, undefined)).toContain(
      '<p>&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</p></body>',
    )
    expect(BODY_TEMPLATES.text(content)(detail, undefined)).toBe(
      `404 Not Found\n${content.description}\n${detail}\n`,
    )
  })
})
