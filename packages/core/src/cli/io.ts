/** What a command touches, so tests (and other front ends) can pass their own. */
export interface CommandIo {
  readFile(path: string): string
  stdout(text: string): void
  stderr(text: string): void
}

/** Exit statuses of every command, as the README documents them. */
export const EXIT = { ok: 0, drift: 1, usage: 2 } as const
