/**
 * The layering, checked (`npm run test:layers`, and first in `npm test`). The layers, lowest first
 * (docs/DESIGN.md, "Layers"):
 *
 *   base       src/errors.ts, src/error-messages.ts (and its Spanish -es), src/types/   anyone may import them
 *   ledger     src/ledger/                          the pure domain: ops, rules, money, no stack
 *              src/stack/                           beside it, the fence: the stack's internals
 *   consensus  src/consensus/, src/books/           apply and the view; books rendered from it
 *   node       src/node/, src/invites/, src/net/, src/verify/, src/federation/, src/mirror/
 *                                                   one running node on the stack
 *   surface    src/commands/, src/service/, src/web/
 *   demo       src/demo/                            the demos, driving the commands
 *   entry      src/index.ts, bin/
 *
 * An arrow may point down or across, never up, and there are no circles; every file of src/ is in
 * a layer. No exception is recorded: any violation fails.
 */
const BASE = '^src/((errors|error-messages|error-messages-es)\\.ts|types/)'
const LEDGER = '^src/ledger/'
// the fence: every use of the stack's internals (docs/stack.md), beside the ledger
const FENCE = '^src/stack/'
const CONSENSUS = '^src/(consensus|books)/'
const NODE = '^src/(node|invites|net|verify|federation|mirror)/'
const SURFACE = '^src/(commands|service|web)/'
const DEMO = '^src/demo/'
const ENTRY = '^(src/index\\.ts|bin/)'
const STACK = 'node_modules/(hypercore|autobase|hyperbee|corestore|hyperswarm|hyperdht|blind-[^/]+)/'

/** from a layer, nothing in the layers above it */
const above = (name, from, ...higher) => ({
  name,
  severity: 'error',
  comment: `${name}: an arrow back up the layers (docs/DESIGN.md, "Layers")`,
  from: { path: from },
  to: { path: higher.join('|') }
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a circle of imports: one of the files belongs in a lower layer, or the shared part in a file of its own',
      from: { path: '^(src|bin)/' },
      to: { circular: true }
    },
    {
      name: 'ledger-no-stack',
      severity: 'error',
      comment: 'src/ledger is the pure domain: it imports no hypercore/autobase/hyperbee/corestore/hyperswarm/hyperdht/blind-*, nor the fence around them (their bytes come in as arguments)',
      from: { path: LEDGER },
      to: { path: `${STACK}|${FENCE}` }
    },
    {
      name: 'base-imports-nothing-of-ours',
      severity: 'error',
      comment: 'src/errors.ts, src/error-messages.ts and src/types are the base every layer imports',
      from: { path: BASE },
      to: { path: `${LEDGER}|${FENCE}|${CONSENSUS}|${NODE}|${SURFACE}|${DEMO}|${ENTRY}` }
    },
    above('ledger-is-the-bottom', LEDGER, CONSENSUS, NODE, SURFACE, DEMO, ENTRY),
    above('fence-is-the-bottom', FENCE, LEDGER, CONSENSUS, NODE, SURFACE, DEMO, ENTRY),
    above('consensus-below-node', CONSENSUS, NODE, SURFACE, DEMO, ENTRY),
    above('node-below-surface', NODE, SURFACE, DEMO, ENTRY),
    above('surface-below-demo', SURFACE, DEMO, ENTRY),
    above('demo-below-entry', DEMO, ENTRY),
    {
      name: 'every-file-in-a-layer',
      severity: 'error',
      comment: 'a file of src/ outside every layer: put it in the folder of its layer (docs/DESIGN.md, "Layers")',
      from: { path: '^src/', pathNot: `${BASE}|${LEDGER}|${FENCE}|${CONSENSUS}|${NODE}|${SURFACE}|${DEMO}|${ENTRY}` },
      to: {}
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'an import that resolves to nothing',
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports are arrows of the design too
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings']
    },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
