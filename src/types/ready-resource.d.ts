// ready-resource 1: the open/close lifecycle every long-lived Holepunch object follows.
declare module 'ready-resource' {
  import { EventEmitter } from 'node:events'
  export default class ReadyResource extends EventEmitter {
    readonly opening: Promise<void> | null
    readonly opened: boolean
    readonly closing: Promise<void> | null
    readonly closed: boolean
    ready (): Promise<void>
    close (): Promise<void>
    protected _open (): Promise<void>
    protected _close (): Promise<void>
  }
}
