// The page imports intl-messageformat's one-file ES module bundle, served from node_modules at this
// path (src/web/page-modules.ts): these are its types, the package's own.
export * from 'intl-messageformat'
