import { parseArgs } from 'node:util'
import { analyseCommand, USAGE } from './analyse'

// The `lantern` command (package.json "bin"): for evaluators and batch work.

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command !== 'analyse' && command !== 'analyze') {
    process.stderr.write(`${command ? `Unknown command “${command}”.\n` : ''}${USAGE}\n`)
    return command === '--help' || command === '-h' ? 0 : 1
  }
  let args
  try {
    args = parseArgs({ args: rest, allowPositionals: true, options: { design: { type: 'string' }, types: { type: 'string' }, format: { type: 'string' }, cluster: { type: 'string' }, strata: { type: 'string' }, weights: { type: 'string' } } })
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`)
    return 1
  }
  if (args.positionals.length > 1) {
    process.stderr.write(`Give one file at a time.\n${USAGE}\n`)
    return 1
  }
  const outcome = await analyseCommand({ file: args.positionals[0], ...args.values })
  process.stdout.write(outcome.stdout)
  process.stderr.write(outcome.stderr)
  return outcome.code
}

process.exitCode = await main(process.argv.slice(2))
