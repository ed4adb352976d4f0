// Runs before every pack and publish of a package (its `prepack` script). Only pnpm rewrites
// `workspace:^` dependencies to real versions when packing: a tarball made by `npm pack` or
// `npm publish` would ship `"@status-errors/core": "workspace:^"`, which no registry user can
// install. So anything but pnpm is refused, with the command to use instead.
const agent = process.env.npm_config_user_agent ?? ''
if (!agent.startsWith('pnpm/')) {
  console.error(
    'status-errors: pack and publish with pnpm (`pnpm pack`, `pnpm publish`, or `pnpm changeset publish`), ' +
      `not ${agent.split(' ')[0] || 'this tool'}: only pnpm replaces the workspace:^ versions.`,
  )
  process.exit(1)
}
