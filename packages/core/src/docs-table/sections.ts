import { DocsTableError } from './docs-table-error.js'
import { SECTIONS, type StatusTableRow } from './rows.js'

type Kind = StatusTableRow['kind']

/** The kind a section label (`Normal`, `Abnormal`) stands for; undefined for any other text. */
export function sectionOf(label: string | undefined): Kind | undefined {
  return SECTIONS.find((section) => section.label === label)?.kind
}

/**
 * Tracks the sections met so far: each once, Normal before Abnormal, as the page is written.
 * `enter` returns the kind its rows get.
 */
export class SectionTracker {
  #current: Kind | undefined
  readonly #seen = new Map<Kind, number>()

  enter(kind: Kind, line: number): void {
    const first = this.#seen.get(kind)
    if (first !== undefined)
      throw new DocsTableError(line, 1, `a second "${labelOf(kind)}" section (first on line ${first})`)
    if (kind === 'normal' && this.#seen.has('abnormal')) {
      throw new DocsTableError(line, 1, 'the "Normal" section comes before the "Abnormal" one')
    }
    this.#seen.set(kind, line)
    this.#current = kind
  }

  /** The kind of rows in a table starting on `line`, which must be inside a section. */
  tableKind(line: number, column: number, sections: string): Kind {
    if (this.#current === undefined) {
      throw new DocsTableError(line, column, `a table outside the sections: put it under ${sections}`)
    }
    return this.#current
  }
}

function labelOf(kind: Kind): string {
  return kind === 'normal' ? 'Normal' : 'Abnormal'
}
