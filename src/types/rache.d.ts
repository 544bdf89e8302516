// The part of rache 1 this project uses: the bounded cache hyperbee keeps its decoded tree nodes
// and keys in, which corestore hands to every core it opens as `globalCache`.
declare module 'rache' {
  export default class Rache {
    constructor (opts?: { maxSize?: number })
    /** entries held by this cache and every cache made from it */
    readonly globalSize: number
  }
}
