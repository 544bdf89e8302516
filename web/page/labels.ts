/** The ledger's fixed words (streams, roles, choices, statuses, kinds) in the page's language. */
import type { Stream } from '../../src/ledger/streams.js'
import type { MessageKey } from './messages-en.js'
import { t } from './i18n.js'

export const streamLabel = (s: Stream | string): string => t(`stream.${s}` as MessageKey)
export const roleLabel = (r: string): string => t(`role.${r}` as MessageKey)
export const choiceLabel = (c: string): string => t(`choice.${c}` as MessageKey)
export const statusLabel = (s: string): string => t(`status.${s}` as MessageKey)
export const kindLabel = (k: string): string => t(`kind.${k}` as MessageKey)
