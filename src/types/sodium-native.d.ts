// The parts of sodium-native 5 this project uses.
declare module 'sodium-native' {
  export const crypto_generichash_BYTES: number
  export function crypto_generichash (output: Uint8Array, input: Uint8Array, key?: Uint8Array): void
  export function crypto_generichash_batch (output: Uint8Array, inputs: Uint8Array[], key?: Uint8Array): void
  export function crypto_core_ed25519_is_valid_point (p: Uint8Array): boolean
}
