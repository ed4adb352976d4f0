import { escapeHtml } from './escape-html.js'
import type { FormatName } from './formats.js'

/** What a body shows of its status, the same for every response with that status. */
export interface StatusContent {
  readonly status: number
  readonly title: string
  readonly description: string
  /** RFC 9457 §3.1.1 problem type URI. */
  readonly type: string
}

/**
 * A status's body in one format, with the exposed `detail` and the `stack` (each may be missing)
 * put in. Everything else is rendered once, when the template is made, so an error with a detail
 * costs the escaping of the detail, not the rendering of the whole body.
 */
type BodyTemplate = (detail: string | undefined, stack: string | undefined) => string

type TemplateFactory = (content: StatusContent) => BodyTemplate

/** `{"status","title","description"}` then `detail` and `stack` when present, in this order. */
const jsonTemplate: TemplateFactory = ({ status, title, description }) => {
  const opening = `{"status":${status},"title":${json(title)},"description":${json(description)}`
  return (detail, stack) => `${opening}${jsonMember('detail', detail)}${jsonMember('stack', stack)}}`
}

/**
 * RFC 9457 §3.1: `type`, `title` (the reason phrase, as §4.2.1 asks for about:blank), `status`
 * (equal to the real status, §3.1.2), `detail` (the exposed detail, else the description);
 * `description` is an extension member (§3.2).
 */
const problemTemplate: TemplateFactory = ({ type, title, status, description }) => {
  const opening = `{"type":${json(type)},"title":${json(title)},"status":${status},"detail":`
  const describedAs = json(description)
  const closing = `,"description":${describedAs}`
  return (detail, stack) =>
    `${opening}${detail === undefined ? describedAs : json(detail)}${closing}${jsonMember('stack', stack)}}`
}

const htmlTemplate: TemplateFactory = ({ status, title, description }) => {
  const heading = `${status} ${escapeHtml(title)}`
  const opening =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${heading}</title></head>` +
    `<body><h1>${heading}</h1><p>${escapeHtml(description)}</p>`
  return (detail, stack) =>
    opening +
    (detail === undefined ? '' : `<p>${escapeHtml(detail)}</p>`) +
    (stack === undefined ? '' : `<pre>${escapeHtml(stack)}</pre>`) +
    '</body></html>\n'
}

const textTemplate: TemplateFactory = ({ status, title, description }) => {
  const opening = `${status} ${title}\n${description}\n`
  return (detail, stack) =>
    opening + (detail === undefined ? '' : `${detail}\n`) + (stack === undefined ? '' : `${stack}\n`)
}

export const BODY_TEMPLATES: Readonly<Record<FormatName, TemplateFactory>> = {
  json: jsonTemplate,
  problem: problemTemplate,
  html: htmlTemplate,
  text: textTemplate,
}

const json = (value: string): string => JSON.stringify(value)

function jsonMember(name: string, value: string | undefined): string {
  return value === undefined ? '' : `,"${name}":${json(value)}`
}
