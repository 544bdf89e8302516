import b4a from 'b4a'
import type { Device, Member } from '../ledger/members.js'
import { adjustRoleCount } from './context.js'
import { effectFailed } from '../ledger/governance.js'
import type { Outcome } from '../ledger/governance.js'
import type { OpContext } from './context.js'
import type { ActionView } from './proposal-action.js'
import { GOVERNANCE_RULES_KEY, INDEXERS_KEY, MIRRORS_KEY, PROTOCOL_KEY, RULES_KEY, keys } from './view-layout.js'
import { ledgerNow, setClockMember } from './ledger-clock.js'
import type { DeliberationRecord } from './deliberation.js'
import { computeDistribution, writeDistribution } from './distribution-effect.js'
import { currentRules } from './rules-state.js'
import type { RulesRecord } from '../ledger/rules.js'
import { applyFederationEffect, checkFederationEffect, isFederationAction } from './federation-effects.js'
import type { FederationAction } from './federation-effects.js'

/**
 * What a passed proposal does to the ledger (docs/governance.md, "What a passed proposal does").
 * `prepareEffect` says why it cannot (the proposal then fails with that reason), or hands back
 * what writes it; that calls the host (writers, indexers) last.
 */
interface Indexers { devices: string[] }

async function checkEffect (a: Exclude<ActionView, FederationAction>, ctx: OpContext): Promise<Outcome | null> {
  switch (a.kind) {
    case 'admit':
      return await ctx.tx.get<Device>(keys.device(a.writer)) !== null ? effectFailed('device-writes') : null
    case 'role':
    case 'onboarding': {
      const m = await ctx.tx.get<Member>(keys.member(a.member))
      if (m === null) return effectFailed('no-participant')
      return m.removedAt !== undefined ? effectFailed('participant-removed') : null
    }
    case 'remove': {
      const m = await ctx.tx.get<Member>(keys.member(a.member))
      if (m === null) return effectFailed('no-participant')
      if (m.removedAt !== undefined) return effectFailed('already-removed')
      const left = (await indexers(ctx)).filter(d => !m.devices.includes(d))
      return left.length === 0 ? effectFailed('last-indexer') : null
    }
    case 'indexers': {
      for (const d of a.devices) {
        const device = await ctx.tx.get<Device>(keys.device(d))
        const owner = device === null ? null : await ctx.tx.get<Member>(keys.member(device.member))
        if (owner === null || owner.removedAt !== undefined) return effectFailed('device-not-active', { device: d })
      }
      return null
    }
    case 'protocol': {
      const active = (await ctx.tx.get<{ version: number }>(PROTOCOL_KEY))?.version ?? 1
      return a.version <= active ? effectFailed('protocol-not-higher', { active }) : null
    }
    case 'motion':
    case 'rules':
    case 'deliberation':
    case 'mirrors':
      return null
    case 'distribute':
      throw new Error('a distribution is checked and applied by prepareEffect')
  }
}

/**
 * Check a passed proposal's effect and return either why it cannot happen, or the function that
 * makes it happen (called after the proposal's own record is written). A distribution computes its
 * statement once, here, for both.
 */
export async function prepareEffect (a: ActionView, ctx: OpContext, proposal: string): Promise<Outcome | (() => Promise<void>)> {
  if (a.kind === 'distribute') {
    const computed = await computeDistribution({ month: a.month, pool: { amount: a.pool, currency: a.currency } }, ctx, proposal)
    return 'code' in computed ? computed : async () => { await writeDistribution(computed, ctx) }
  }
  if (isFederationAction(a)) {
    const problem = await checkFederationEffect(a, ctx)
    return problem ?? (async () => { await applyFederationEffect(a, ctx, proposal) })
  }
  const problem = await checkEffect(a, ctx)
  return problem ?? (async () => { await applyEffect(a, ctx, proposal) })
}

async function applyEffect (a: Exclude<ActionView, FederationAction>, ctx: OpContext, proposal: string): Promise<void> {
  switch (a.kind) {
    case 'admit':
      const admitted: Member = { id: a.writer, name: a.name, role: a.role, since: ctx.time, devices: [a.writer] }
      await ctx.tx.put(keys.member(a.writer), admitted)
      await ctx.tx.put(keys.device(a.writer), { member: a.writer, since: ctx.time } satisfies Device)
      await adjustRoleCount(ctx.tx, a.role, 1)
      if (a.role === 'member') await setClockMember(ctx.tx, admitted, true)
      await ctx.host.addWriter(b4a.from(a.writer, 'hex'), { indexer: false })
      return
    case 'role': {
      const m = await ctx.tx.get<Member>(keys.member(a.member)) as Member
      await adjustRoleCount(ctx.tx, m.role, -1)
      await adjustRoleCount(ctx.tx, a.role, 1)
      const changed: Member = { ...m, role: a.role }
      await ctx.tx.put(keys.member(m.id), changed)
      if (m.role === 'member' || a.role === 'member') await setClockMember(ctx.tx, changed, a.role === 'member')
      return
    }
    case 'remove': {
      const m = await ctx.tx.get<Member>(keys.member(a.member)) as Member
      await adjustRoleCount(ctx.tx, m.role, -1)
      await ctx.tx.put(keys.member(m.id), { ...m, removedAt: ctx.time } satisfies Member)
      if (m.role === 'member') await setClockMember(ctx.tx, m, false)
      await ctx.tx.put(INDEXERS_KEY, { devices: (await indexers(ctx)).filter(d => !m.devices.includes(d)) } satisfies Indexers)
      for (const d of m.devices) {
        const key = b4a.from(d, 'hex')
        if (ctx.host.removeable(key)) await ctx.host.removeWriter(key)
      }
      return
    }
    case 'indexers': {
      const before = await indexers(ctx)
      await ctx.tx.put(INDEXERS_KEY, { devices: a.devices } satisfies Indexers)
      for (const d of a.devices) if (!before.includes(d)) await ctx.host.addWriter(b4a.from(d, 'hex'), { indexer: true })
      for (const d of before) if (!a.devices.includes(d)) await ctx.host.addWriter(b4a.from(d, 'hex'), { indexer: false })
      return
    }
    case 'protocol':
      await ctx.tx.put(PROTOCOL_KEY, { version: a.version })
      return
    case 'rules': {
      const version = (await currentRules(ctx.tx)).version + 1
      const record: RulesRecord = { version, rules: a.rules, proposal, since: ctx.time }
      await ctx.tx.put(RULES_KEY, record)
      await ctx.tx.put(keys.rulesVersion(version), record)
      return
    }
    case 'deliberation':
      await ctx.tx.put(GOVERNANCE_RULES_KEY, { hours: a.hours, proposal, since: await ledgerNow(ctx.tx) } satisfies DeliberationRecord)
      return
    case 'mirrors':
      await ctx.tx.put(MIRRORS_KEY, { keys: a.keys })
      return
    case 'onboarding': {
      const m = await ctx.tx.get<Member>(keys.member(a.member)) as Member
      await ctx.tx.put(keys.member(m.id), { ...m, stage: a.stage } satisfies Member)
      return
    }
    case 'distribute':
    case 'motion':
  }
}

async function indexers (ctx: OpContext): Promise<string[]> {
  return (await ctx.tx.get<Indexers>(INDEXERS_KEY))?.devices ?? []
}
