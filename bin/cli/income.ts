import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'
import { moneyText } from './format.js'

const income: CommandSpec<'income', { from: string, date?: string, message?: string, key?: string }> = {
  name: 'income',
  command: 'income',
  description: 'record money the cooperative received (members only); it shows in disco report and disco export',
  arguments: [
    { name: '<amount>', description: 'a plain decimal, e.g. 2500.00' },
    { name: '<currency>', description: 'ISO 4217 code, e.g. EUR' }
  ],
  options: [
    { long: '--from', value: '<client>', description: 'who paid it', required: true },
    { long: '--date', value: '<YYYY-MM-DD>', description: 'when it came in (default: today)' },
    { short: '-m', long: '--message', value: '<text>', description: 'what it was for' },
    { long: '--key', value: '<key>', description: 'an idempotency key: recording the same key again writes nothing' }
  ],
  examples: ['disco income 2500.00 EUR --from "Acme Co-op" -m "invoice 2026-11"', 'disco income 120000 JPY --from Kobo --date 2026-11-28 --key inv-31'],
  input: ([amount, currency], o) => ({ amount: amount as string, currency: currency as string, ...o }),
  print: (out) => {
    const i = out.income
    printLines([`${out.duplicate ? 'already recorded' : 'recorded'}: ${i.date}  ${moneyText(i.money)} from ${i.client}${i.description !== '' ? `  "${i.description}"` : ''}`])
  }
}

export const specs = [income]
