/**
 * The versions of the stack the fence (src/stack) was written and checked against. Every fence
 * function relies on an internal of one of these; test/stack-contract.test.ts checks each such
 * internal still behaves as assumed, and first that these are the versions installed, so that an
 * upgrade fails there, by name, before anything else (docs/stack.md: how to upgrade).
 */
export const STACK_VERSIONS = {
    hypercore: '11.37.1',
    autobase: '7.28.1',
    hyperbee: '2.27.3',
    corestore: '7.12.5',
    'hypercore-storage': '3.3.1'
};
//# sourceMappingURL=versions.js.map