import type { DiscoNode } from '../node.js';
import type { ContributionInput } from './contribution-input.js';
import type { LogOutput } from './log.js';
/**
 * `disco timer`: time work as it happens, and log it when it stops. The running timer is a small
 * file in the storage folder (timer.json), written to disk before `start` answers, so it survives
 * the program, the node and the machine restarting; it holds the wall-clock time it started, so the
 * time the machine was off counts. One timer at a time per storage folder: the file is created only
 * if absent (a hard link of a finished temporary file), so two starts cannot both win. `stop` logs
 * the entry through `disco log`, with the elapsed time rounded as imports round (to the nearest
 * minute, 30 seconds up) and an idempotency key of the timer's own, so a stop that is interrupted
 * after logging and run again logs once.
 */
export type TimerFields = Omit<ContributionInput, 'stream' | 'duration' | 'minutes' | 'date' | 'key' | 'forCoop'> & {
    stream?: string;
};
export interface TimerState {
    format: 1;
    /** wall-clock ms */
    started: number;
    /** the member it was started for: another member's device folder cannot stop it into theirs */
    member: string;
    /** this timer's own: its entry's idempotency key, so that a stop run twice logs once */
    id: string;
    fields: TimerFields;
}
export interface TimerStatus {
    running: boolean;
    /** ISO time it started */
    started?: string;
    /** whole seconds so far */
    seconds?: number;
    fields?: TimerFields;
}
export interface TimerStopOutput {
    seconds: number;
    /** the entry logged; null when under half a minute (nothing to log) */
    logged: LogOutput | null;
}
export declare function timerStart(node: DiscoNode, input: TimerFields, now?: number): Promise<TimerStatus>;
export declare function timerStatus(node: DiscoNode, now?: number): Promise<TimerStatus>;
export declare function timerStop(node: DiscoNode, input: TimerFields, now?: number): Promise<TimerStopOutput>;
export declare function timerCancel(node: DiscoNode, now?: number): Promise<TimerStatus>;
