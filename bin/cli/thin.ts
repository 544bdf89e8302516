import { THIN_COMMANDS } from './thin-commands.js'
import { commandWord, parseThin } from './thin-parse.js'
import { exitCodeOf, printError, printJson } from './output.js'

/**
 * The thin path: a declared command (command-spec.ts) sent to the running `disco start` of its
 * storage folder without loading commander or the full CLI, which cost a command ~50 ms of
 * loading a call to the node does not need (bench P13). It answers true when it ran the command
 * — printed, exit code set — and false, having done nothing, when the full CLI must: no declared
 * command, a command line its parser leaves to commander, an input its own checks refuse, no node
 * running, or a socket it cannot reach. Nothing is sent before it is sure, so the full CLI never
 * runs a command twice.
 */
export async function runThin (argv: string[]): Promise<boolean> {
  const word = commandWord(argv)
  const load = word !== null ? THIN_COMMANDS.get(word) : undefined
  if (load === undefined) return false
  const spec = (await load()).specs?.find(s => s.name === word)
  if (spec === undefined) return false
  const call = parseThin(argv, spec)
  if (call === null) return false
  let input
  try {
    input = spec.input(call.args, call.options)
  } catch {
    return false
  }
  const [{ connectControl, request }, { defaultStorage }] = await Promise.all([
    import('../../src/service/control-client.js'), import('../../src/node/storage.js')
  ])
  let socket
  try {
    socket = await connectControl(call.storage ?? defaultStorage())
  } catch {
    return false
  }
  if (socket === null) return false
  try {
    const out = await request(socket, spec.command, input)
    if (call.json) printJson(out)
    else spec.print(out, call.options)
  } catch (err) {
    // as the full CLI reports an error (main.ts)
    printError(err, process.argv.includes('--json'))
    process.exitCode = exitCodeOf(err)
  }
  return true
}
