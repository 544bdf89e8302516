import type { Command } from 'commander'
import { collect, examples, globals, positiveInt } from './options.js'
import { printJson, printLines } from './output.js'
import { runCommand } from './node-action.js'
import { proposalLine } from './format.js'
import type { ProposeInput } from '../../src/commands/propose.js'
import type { RulesChange } from '../../src/commands/rules-change.js'

interface CommonOptions { message?: string, deadline?: string, all?: boolean, decision?: string, option?: string[], budget?: string }
interface RulesOptions {
  rate?: string[], split?: string, careWeight?: string, moneyRate?: string, daterCredits?: string, needsEndorsement?: string, late?: string
  period?: string, stages?: string, care?: string[], quota?: string[], quotaPeriod?: string, cap?: string, capExcess?: string, unit?: string[], removeUnit?: string[]
}

function common (cmd: Command): Command {
  return cmd
    .option('-m, --message <text>', 'what it is about, in your words')
    .option('--deadline <when>', 'lazy consensus: once the ledger time passes this (a duration such as 72h, or a date), disco close decides it and silence is consent; at least the minimum deliberation (24h unless the cooperative changed it)')
    .option('--all', 'ask all constituents: supporters vote too')
    .option('--decision <type>', 'how it is decided (docs/governance.md, "Decision types"): majority (the default: lazy consensus and blocks), ' +
      'consent (passes unless an objection stands: disco object / resolve), and for motions only advice (the proposer decides after hearing advice: disco decide), ' +
      'score, ranked (instant-runoff) or dots (polls over --option: disco ballot)')
    .option('--option <text>', 'a poll option (repeat, 2 to 12, in order: a tie goes to the one listed first)', collect)
    .option('--budget <n>', 'score: the highest score (1-10, default 5); dots: the dots each voter spreads (1-100, default 10)')
}

async function submit (c: Command, o: CommonOptions, input: Omit<ProposeInput, 'text' | 'deadline' | 'all'>): Promise<void> {
  const out = await runCommand(c, 'propose', {
    ...input,
    ...(o.message !== undefined ? { text: o.message } : {}),
    ...(o.deadline !== undefined ? { deadline: o.deadline } : {}),
    ...(o.all === true ? { all: true } : {}),
    ...(o.decision !== undefined ? { decision: o.decision } : {}),
    ...(o.option !== undefined ? { options: o.option } : {}),
    // parsed here: a budget that is no whole number reaches validation as NaN, refused by name
    ...(o.budget !== undefined ? { budget: /^\d+$/.test(o.budget.trim()) ? Number(o.budget) : Number.NaN } : {})
  })
  if (globals(c).json === true) return printJson(out)
  printLines([`proposed: ${proposalLine(out.proposal)}`, `${howToAnswer(out.proposal)}`])
}

/** The command that answers a proposal of this decision type. */
function howToAnswer (p: { shortId: string, decision?: { type: string } }): string {
  switch (p.decision?.type) {
    case 'score': case 'dots': return `cast a ballot with: disco ballot ${p.shortId} <option>=<n> …`
    case 'ranked': return `cast a ballot with: disco ballot ${p.shortId} <option> … (best first)`
    case 'consent': return `consent with: disco vote ${p.shortId} yes (or abstain to stand aside); object with: disco object ${p.shortId} -m "why"`
    case 'advice': return `advise with: disco vote ${p.shortId} yes|no|abstain; the proposer decides with: disco decide ${p.shortId} adopt|drop`
    default: return `vote with: disco vote ${p.shortId} yes|no|abstain|block`
  }
}

export function register (program: Command): void {
  const propose = examples(program.command('propose')
    .description('put a proposal to the cooperative: admit, role, remove, indexers, protocol, rules, distribute, deliberation, mirrors or motion (see docs/governance.md). ' +
      'Nothing but every binding vote decides it before the minimum deliberation (or its --deadline) has passed on the ledger time. ' +
      '--decision states another way to decide it: advice, consent, or a poll (score, ranked, dots)'), [
    'disco propose role Cy member -m "Cy finished onboarding"',
    'disco propose motion -m "Move the weekly call to Thursdays" --deadline 72h',
    'disco propose remove Eve',
    'disco propose indexers 3f9a1c2b 7be8bc9b',
    'disco propose admit <device key> --role supporter --name "Neighbourhood Assoc."',
    'disco propose protocol 2',
    'disco propose rules --needs-endorsement yes --rate love=2 -m "love work counts double"',
    'disco propose distribute 2026-11 1000.00 EUR',
    'disco propose onboarding Cy 2 -m "Cy starts the second dating stage"',
    'disco propose rules --stages 0/100/0,50/100/0,75/100/0 --care dater=recorded --quota member=400h --quota-period quarter',
    'disco propose deliberation 48 -m "two days to read every proposal"',
    'disco propose mirrors add <mirror key>',
    'disco propose motion -m "Which kettle?" --decision ranked --option steel --option glass --option clay',
    'disco propose motion -m "Move the assembly to Thursdays" --decision advice',
    'disco propose role Cy member --decision consent'
  ])

  common(propose.command('role').description("change a participant's role").argument('<member>', 'name or id').argument('<role>', 'member, dater, contributor or supporter'))
    .action(async (member: string, role: string, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'role', member, role }) })
  common(propose.command('remove').description('remove a participant: their devices stop writing').argument('<member>', 'name or id'))
    .action(async (member: string, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'remove', member }) })
  common(propose.command('admit').description('admit a device (its 64-hex key) as a new participant').argument('<device>', 'the device key')
    .requiredOption('--role <role>', 'member, dater, contributor or supporter').requiredOption('--name <name>', 'their name'))
    .action(async (device: string, o: CommonOptions & { role: string, name: string }, c: Command) => { await submit(c, o, { kind: 'admit', device, role: o.role, name: o.name }) })
  common(propose.command('indexers').description('choose the devices whose acknowledgements sign the ledger (always-on ones)').argument('<device...>', 'device keys, 8 hex characters or more'))
    .action(async (devices: string[], o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'indexers', devices }) })
  common(propose.command('protocol').description("raise the cooperative's protocol version (every node must know it)").argument('<version>', 'the new version', positiveInt('the protocol version')))
    // parsed here: Number("abc") is NaN, which JSON (the control socket) turns into null
    .action(async (version: number, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'protocol', version }) })
  common(propose.command('rules')
    .description('change the accounting rules (docs/accounting.md); the proposal carries the whole new set, shown by disco proposals')
    .option('--rate <stream=n>', 'credits per hour in a stream, e.g. love=2 (repeat for more)', collect)
    .option('--split <l/lo/c>', 'how a pool is split between livelihood/love/care, as whole weights, e.g. 50/30/20')
    .option('--care-weight <n>', 'the care rebalancing, in thousandths (500: care credits count half in the other streams)')
    .option('--money-rate <n>', 'credit-minutes per 100 minor units livelihood work earned in the distribution currency')
    .option('--dater-credits <paid|recorded>', "whether daters' credits are paid or only recorded")
    .option('--needs-endorsement <yes|no>', 'whether an entry needs another member\'s endorsement to earn credits')
    .option('--late <carry|ignore>', 'whether late changes to a distributed month count in the next distribution')
    .option('--period <month|quarter>', 'whether a distribution pays for a month or a quarter')
    .option('--stages <l/lo/c,...>', "onboarding stages in order, each the percentage of a dater's livelihood/love/care credits that counts, e.g. 0/100/0,50/100/0,75/100/0; none for none")
    .option('--care <role=paid|recorded>', "whether a role's care credits are paid or only recorded (historical), e.g. dater=recorded (repeat for more)", collect)
    .option('--quota <role=credits>', 'the credits each participant of a role is expected to reach per quota period: credit-minutes, or hours at rate 1 such as 400h; 0 for none (repeat for more)', collect)
    .option('--quota-period <month|quarter>', 'what the quotas are per')
    .option('--cap <"amount currency"|none>', 'the most one participant takes from one distribution in that currency, e.g. "3000.00 EUR"')
    .option('--cap-excess <share|keep>', 'where the part of a payout above the cap goes: shared among the others, or kept by the cooperative')
    .option('--unit <name=credits/units>', 'an output measure: that many units earn that many credit-minutes, e.g. words=4800/1000 (repeat for more)', collect)
    .option('--remove-unit <name>', 'drop an output measure (repeat for more)', collect))
    .action(async (o: CommonOptions & RulesOptions, c: Command) => {
      const rules: RulesChange = {}
      if (o.rate !== undefined) rules.rate = o.rate
      if (o.split !== undefined) rules.split = o.split
      if (o.careWeight !== undefined) rules.careWeight = o.careWeight
      if (o.moneyRate !== undefined) rules.moneyRate = o.moneyRate
      if (o.daterCredits !== undefined) rules.daterCredits = o.daterCredits
      if (o.needsEndorsement !== undefined) rules.needsEndorsement = o.needsEndorsement
      if (o.late !== undefined) rules.late = o.late
      for (const k of ['period', 'stages', 'quotaPeriod', 'cap', 'capExcess'] as const) if (o[k] !== undefined) rules[k] = o[k]
      for (const k of ['care', 'quota', 'unit', 'removeUnit'] as const) if (o[k] !== undefined) rules[k] = o[k]
      await submit(c, o, { kind: 'rules', rules })
    })
  common(propose.command('onboarding')
    .description("set a participant's onboarding stage: which share of their credits counts while they are a dater (the rules' --stages); 0 for none")
    .argument('<member>', 'name or id').argument('<stage>', 'the stage, 0 to 9', positiveInt('the onboarding stage', 0)))
    .action(async (member: string, stage: number, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'onboarding', member, stage }) })
  common(propose.command('distribute')
    .description("distribute a pool among the participants by a period's credits, and close the period (once, after its last day): a month or a quarter, as the rules say")
    .argument('<period>', 'YYYY-MM, or YYYY-Qn under --period quarter').argument('<amount>', 'the pool, a plain decimal, e.g. 1000.00').argument('<currency>', 'ISO 4217 code, e.g. EUR'))
    .action(async (month: string, amount: string, currency: string, o: CommonOptions, c: Command) => {
      await submit(c, o, { kind: 'distribute', month, amount, currency })
    })
  common(propose.command('deliberation')
    .description('set the minimum deliberation: how long after a proposal nothing but every binding vote can decide it (0 to 2160 hours)')
    .argument('<hours>', 'whole hours, e.g. 24'))
    .action(async (hours: string, o: CommonOptions, c: Command) => {
      await submit(c, o, { kind: 'deliberation', hours: /^\d+$/.test(hours.trim()) ? Number(hours) : Number.NaN })
    })
  const mirrors = propose.command('mirrors').description("change the cooperative's mirrors (always-on boxes running disco mirror); the proposal carries the whole new set")
  common(mirrors.command('add').description('ask every node to have this mirror keep the ledger').argument('<key>', 'the mirror key (64 hex) its operator got from disco mirror'))
    .action(async (key: string, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'mirrors', addMirror: key }) })
  common(mirrors.command('remove').description('stop using this mirror').argument('<key>', 'the mirror key (64 hex)'))
    .action(async (key: string, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'mirrors', removeMirror: key }) })
  common(propose.command('motion').description('a decision with no effect in the ledger, recorded'))
    .action(async (o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'motion' }) })
}
