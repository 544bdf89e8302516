/** Money the cooperative received, as the view keeps it (an `income` op). */
export interface IncomeRecord {
    id: string;
    /** the member who recorded it */
    by: string;
    /** the day it was received, YYYY-MM-DD */
    date: string;
    /** minor units */
    amount: number;
    currency: string;
    /** who paid it */
    client: string;
    description: string;
    /** optional idempotency key ('' when none) */
    key: string;
    /** the recording device's clock (ms) */
    time: number;
}
