/**
 * The public library API: what the CLI, tests and scripts use. Commands are handlers with
 * JSON-shaped input and output; the ledger's pure domain is exported for tools that read it.
 */
export { DiscoNode } from './node.js';
export { DiscoError, isDiscoError } from './errors.js';
export { defaultStorage } from './storage.js';
export { init } from './commands/init.js';
export { log } from './commands/log.js';
export { amend } from './commands/amend.js';
export { retract } from './commands/retract.js';
export { entries } from './commands/entries.js';
export { balance } from './commands/balance.js';
export { importFile } from './commands/import.js';
export { status } from './commands/status.js';
export { members } from './commands/members.js';
export { profile } from './commands/profile.js';
export { rejections } from './commands/rejections.js';
export { invite } from './commands/invite.js';
export { propose } from './commands/propose.js';
export { vote } from './commands/vote.js';
export { close } from './commands/close.js';
export { proposals } from './commands/proposals.js';
export { endorse } from './commands/endorse.js';
export { income } from './commands/income.js';
export { paid } from './commands/paid.js';
export { statement } from './commands/statement.js';
export { credits } from './commands/credits.js';
export { report } from './commands/report.js';
export { exportBooks } from './commands/export.js';
export { rules } from './commands/rules.js';
export { verify } from './commands/verify.js';
export { computeStatement } from './ledger/statement.js';
export { DEFAULT_RULES } from './ledger/rules.js';
export { booksOf, renderBooks } from './books/index.js';
export { joinCooperative, deviceKey } from './join.js';
export { runDemo } from './demo.js';
export { withNode } from './commands/session.js';
export { callCommand } from './service/call.js';
export { runNode } from './service/run.js';
export { STREAMS } from './ledger/streams.js';
export { ROLES } from './ledger/roles.js';
export { PROTOCOL_VERSION } from './ledger/ops.js';
export { encodeFrame, decodeFrame } from './ledger/codec.js';
export { parseDuration, formatMinutes } from './ledger/duration.js';
export { parseMoney, formatMoney } from './ledger/currency.js';
// the dashboard (disco serve): a web transport over the same handlers
export { DashboardServer, DEFAULT_PORT } from './web/server.js';
// federation (docs/federation.md)
export { federation, federationInvite, federationEvidence } from './commands/federation.js';
export { checkin } from './commands/checkin.js';
export { verifyEvidenceText } from './commands/verify-evidence.js';
export { encodeFederationCode, decodeFederationCode } from './ledger/federation.js';
export { verifyEvidence } from './consensus/federate-signatures.js';
export { evidenceToJson, evidenceFromJson } from './federation/evidence-file.js';
export { runFederationDemo } from './federation/demo.js';
//# sourceMappingURL=index.js.map