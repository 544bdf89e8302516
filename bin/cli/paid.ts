import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'

const paid: CommandSpec<'paid', { reference: string, date?: string }> = {
  name: 'paid',
  command: 'paid',
  description: "record that a distributed month's payouts were paid (members only; once per month)",
  arguments: [{ name: '<month>', description: 'YYYY-MM' }],
  options: [
    { long: '--reference', value: '<text>', description: 'the transfer reference, or whatever lets a treasurer find the payment', required: true },
    { long: '--date', value: '<YYYY-MM-DD>', description: 'when they were paid (default: today)' }
  ],
  examples: ['disco paid 2026-11 --reference "SEPA batch 2026-12-03"'],
  input: ([month], o) => ({ month: month as string, ...o }),
  print: (out) => {
    const s = out.statement
    printLines([`paid: ${s.month}, ${s.poolDisplay} ${s.currency} on ${s.paid?.date ?? '?'} (${s.paid?.reference ?? ''}), recorded by ${s.paidByName ?? '?'}`])
  }
}

export const specs = [paid]
